// Decimal numbers as the data files write them ("19.989", "-98.2", "1e3"), read exactly and fast.
// The web build's C library reads every number through 128-bit long double arithmetic, which
// WebAssembly emulates in software (strtod was 5 % of loading 100,000 cities); the web build routes
// strtod here (platform_web.cpp, link option --wrap=strtod).
#pragma once

namespace atlas {

// Clinger's fast path: a decimal whose significant digits fit in 53 bits and whose exponent is
// within ±22 is one exact integer times or divided by one exact power of ten, so one IEEE operation
// rounds it correctly. True with the value and where it ends; false (nothing read) for anything
// else (leading spaces, hexadecimal, inf, nan, longer or larger numbers): the caller asks strtod.
bool read_plain_decimal(const char* text, double& value, const char*& end);

}  // namespace atlas
