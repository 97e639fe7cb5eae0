// Colours are written in the data files as "#RRGGBB" or "#RRGGBBAA".
#pragma once
#include <string_view>

#include "core/model.h"

namespace atlas {
bool parse_hex_color(std::string_view text, Color& out);
}
