// Fuzzes the basemap decoder and mesher with any bytes (a corrupted or truncated asset).
#include <cstddef>
#include <cstdint>

#include "core/basemap.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<atlas::BasemapCountry> countries;
    std::string error;
    if (!atlas::decode_basemap(std::string(reinterpret_cast<const char*>(data), size), countries, error)) return 0;
    const atlas::BasemapMesh mesh = atlas::build_basemap_mesh(countries, nullptr, 5.0);
    // As the GL layer does, and with long outlines cut in parts (here at 16 points: the inputs are small).
    for (std::size_t most_at_once : {atlas::kMostTriangulatedAtOnce, std::size_t(16)}) {
        std::size_t indices = 0;
        for (const auto& polygon : mesh.polygons)
            for (std::uint32_t i : atlas::triangulate(mesh, polygon, most_at_once)) {
                if (i >= mesh.vertices.size()) __builtin_trap();  // a triangle outside the mesh
                ++indices;
            }
        if (indices > mesh.most_fill_indices()) __builtin_trap();  // more than the GL layer keeps room for
    }
    return 0;
}
