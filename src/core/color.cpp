#include "core/color.h"

namespace atlas {

bool parse_hex_color(std::string_view text, Color& out) {
    if ((text.size() != 7 && text.size() != 9) || text[0] != '#') return false;
    float channels[4] = {0, 0, 0, 1};
    for (std::size_t i = 1, c = 0; i < text.size(); i += 2, ++c) {
        int value = 0;
        for (std::size_t k = i; k < i + 2; ++k) {
            const char ch = text[k];
            const int digit = ch >= '0' && ch <= '9' ? ch - '0'
                            : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                            : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
            if (digit < 0) return false;
            value = value * 16 + digit;
        }
        channels[c] = float(value) / 255.0f;
    }
    out = {channels[0], channels[1], channels[2], channels[3]};
    return true;
}

}  // namespace atlas
