//! The `isnad` command.

fn main() {}
