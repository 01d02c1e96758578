// The command line: parses arguments with CLI11 and runs a command. Fatal
// problems are thrown as kaohe::Error and caught once, in main.
#pragma once

namespace kaohe {

// Runs kaohe with the process arguments; returns the exit status (SPEC §9).
// Usage errors return 64 after printing CLI11's message.
int run_cli(int argc, char** argv);

}  // namespace kaohe
