//! Workspace root: holds the examples and integration tests of errcodes.
