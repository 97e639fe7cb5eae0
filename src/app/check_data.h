// `atlas --check-data FILE...`: the data validator, without a window.
#pragma once
#include "platform/platform.h"

namespace atlas {
// Prints one line per problem (stdout) and a summary (stderr); returns the exit code.
int check_data_command(const platform::Options& options);
}
