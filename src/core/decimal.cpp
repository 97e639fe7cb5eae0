#include "core/decimal.h"

#include <cstdint>

namespace atlas {

bool read_plain_decimal(const char* text, double& value, const char*& end) {
    static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                         1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const char* p = text;
    const bool negative = *p == '-';
    if (negative || *p == '+') ++p;
    std::uint64_t digits = 0;
    int significant = 0, exponent = 0;
    bool any = false;
    auto take = [&](char c, bool after_point) {
        any = true;
        if (significant == 0 && c == '0') {
            exponent -= after_point;  // leading zeros: no significant digit yet
            return;
        }
        if (significant < 19) {
            digits = digits * 10 + std::uint64_t(c - '0');
            ++significant;
            exponent -= after_point;
        } else if (c != '0') {
            significant = 99;  // too many digits for the fast path
        } else if (!after_point) {
            ++exponent;  // a trailing zero of the integer part
        }
    };
    while (*p >= '0' && *p <= '9') take(*p++, false);
    if (*p == '.') {
        ++p;
        while (*p >= '0' && *p <= '9') take(*p++, true);
    }
    if (!any || *p == 'x' || *p == 'X') return false;  // (0x...: hexadecimal, strtod's)
    if (*p == 'e' || *p == 'E') {
        const char* q = p + 1;
        const bool down = *q == '-';
        if (down || *q == '+') ++q;
        if (*q < '0' || *q > '9') return false;
        int e = 0;
        while (*q >= '0' && *q <= '9') {
            if (e > 10000) return false;
            e = e * 10 + (*q++ - '0');
        }
        exponent += down ? -e : e;
        p = q;
    }
    // Exact: the digits fit a double's 53 bits, and so does the power of ten.
    if (significant > 19 || digits > (std::uint64_t(1) << 53) || exponent < -22 || exponent > 22) return false;
    const double m = double(digits);
    value = exponent < 0 ? m / kPowers[-exponent] : m * kPowers[exponent];
    if (negative) value = -value;
    end = p;
    return true;
}

}  // namespace atlas
