// Fuzzes the basemap decoder and mesher with any bytes (a corrupted or truncated asset).
#include <cstddef>
#include <cstdint>

#include "core/basemap.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<atlas::BasemapCountry> countries;
    std::string error;
    if (atlas::decode_basemap(std::string(reinterpret_cast<const char*>(data), size), countries, error))
        (void)atlas::build_basemap_mesh(countries, nullptr, 5.0);
    return 0;
}
