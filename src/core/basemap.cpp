#include "core/basemap.h"

#include <algorithm>
#include <iterator>
#include <cmath>
#include <cstring>
#include <span>

#include <mapbox/earcut.hpp>

#include "core/byte_reader.h"
#include "core/json_io.h"
#include "core/projection.h"

// Earcut reads the mesh's vertices where they are.
namespace mapbox::util {
template <> struct nth<0, glm::vec2> {
    static float get(const glm::vec2& p) { return p.x; }
};
template <> struct nth<1, glm::vec2> {
    static float get(const glm::vec2& p) { return p.y; }
};
}  // namespace mapbox::util

namespace atlas {

bool decode_basemap(std::string_view bytes, std::vector<BasemapCountry>& out, std::string& error) {
    out.clear();
    ByteReader r(bytes);
    std::string magic;
    std::uint32_t version = 0, count = 0;
    if (!r.bytes(4, magic) || magic != "ATLB" || !r.u32(version) || version != 1) {
        error = "not an atlas basemap (version 1) file";
        return false;
    }
    auto truncated = [&](const std::string& where) {
        error = "truncated or malformed at " + where;
        out.clear();
        return false;
    };
    if (!r.u32(count) || count > 10000) return truncated("the country count");
    for (std::uint32_t c = 0; c < count; ++c) {
        BasemapCountry country;
        std::uint32_t name_len = 0, polys = 0;
        if (!r.bytes(2, country.iso2) || !r.u8(name_len) || !r.bytes(name_len, country.name) || !r.u32(polys))
            return truncated("country " + std::to_string(c));
        std::uint32_t q[2] = {0, 0};  // running quantized lon/lat, wrapping modulo 2^16
        for (std::uint32_t p = 0; p < polys; ++p) {
            std::uint32_t rings = 0;
            // every ring needs at least its 4-byte count: bounds the allocation by the file size
            if (!r.u32(rings) || rings > r.remaining() / 4) return truncated(country.name);
            auto& poly = country.polygons.emplace_back();
            for (std::uint32_t k = 0; k < rings; ++k) {
                std::uint32_t n = 0;
                if (!r.u32(n) || n > r.remaining() / 4) return truncated(country.name);
                auto& ring = poly.emplace_back();
                ring.reserve(n);
                for (std::uint32_t i = 0; i < n; ++i) {
                    std::uint32_t d[2] = {0, 0};  // reads cannot fail: n was checked above
                    r.u16(d[0]);
                    r.u16(d[1]);
                    for (int a = 0; a < 2; ++a) q[a] = (q[a] + d[a]) & 0xffff;
                    ring.push_back({std::int16_t(q[0]), std::int16_t(q[1])});
                }
            }
        }
        out.push_back(std::move(country));
    }
    return true;
}

namespace {
// Projects a ring onto the end of `out` (or only counts its points: `out` null), splitting long
// edges so that projected curves stay smooth. Returns the points it made.
std::size_t project_ring(const std::vector<BasemapPoint>& ring, double max_step, std::vector<glm::vec2>* out) {
    std::size_t made = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const glm::dvec2 a = ring[i].degrees(), b = ring[(i + 1) % ring.size()].degrees();
        const bool closing = i + 1 == ring.size();
        if (closing && ring[i] == ring.front()) break;  // rings may repeat their first point
        const int steps = std::max(1, int(std::ceil(glm::length(b - a) / max_step)));
        made += std::size_t(steps);
        for (int s = 0; out && s < steps; ++s) {
            const glm::dvec2 p = a + (b - a) * (double(s) / steps);
            out->push_back(glm::vec2(equal_earth::forward(p.x, p.y)));
        }
    }
    return made;
}
}  // namespace

BasemapMesh::Shade shade_of(const BasemapCountry& country, const CountryGroup* gs) {
    return country.iso2 == "MX" ? BasemapMesh::Mexico : gs && gs->contains(country.iso2) ? BasemapMesh::GlobalSouth : BasemapMesh::Other;
}

BasemapMesh::Size measure_country(const BasemapCountry& country, double max_step) {
    BasemapMesh::Size size;
    for (const auto& poly : country.polygons)
        for (const auto& ring : poly)
            if (const std::size_t n = project_ring(ring, max_step, nullptr); n >= 3) size.vertices += n, ++size.rings;
    return size;
}

void append_country(BasemapMesh& m, const BasemapCountry& country, BasemapMesh::Shade shade, double max_step) {
    for (const auto& poly : country.polygons) {
        BasemapMesh::Polygon polygon{std::uint32_t(m.rings.size()), 0};
        for (const auto& ring : poly) {
            const std::size_t first = m.vertices.size();  // (straight into the mesh: no copy of the ring)
            const std::size_t count = project_ring(ring, max_step, &m.vertices);
            if (count < 3) {
                m.vertices.resize(first);
                continue;
            }
            m.rings.push_back({std::uint32_t(first), std::uint32_t(count)});
            m.shades.resize(m.vertices.size(), shade);
            ++polygon.ring_count;
        }
        if (polygon.ring_count > 0) m.polygons.push_back(polygon);
    }
}

void add_sphere_and_graticule(BasemapMesh& m) {
    // The map's outline: the meridians at +-180 degrees, and a graticule every 30 degrees.
    for (int lat = -90; lat <= 90; ++lat) {
        auto p = equal_earth::forward(180, lat);
        m.sphere.push_back({float(p.x), float(p.y)});
    }
    for (int lat = 90; lat >= -90; --lat) {
        auto p = equal_earth::forward(-180, lat);
        m.sphere.push_back({float(p.x), float(p.y)});
    }
    auto segment = [&](glm::dvec2 a, glm::dvec2 b) {
        m.graticule.push_back(glm::vec2(equal_earth::forward(a.x, a.y)));
        m.graticule.push_back(glm::vec2(equal_earth::forward(b.x, b.y)));
    };
    for (int lon = -150; lon <= 150; lon += 30)
        for (int lat = -90; lat < 90; lat += 2) segment({lon, lat}, {lon, lat + 2});
    for (int lat = -60; lat <= 60; lat += 30)
        for (int lon = -180; lon < 180; lon += 2) segment({lon, lat}, {lon + 2, lat});
}

BasemapMesh build_basemap_mesh(const std::vector<BasemapCountry>& countries, const CountryGroup* gs,
                               double max_step) {
    BasemapMesh m;
    std::size_t points = 0;  // (room for every point at once)
    for (const auto& country : countries) points += measure_country(country, max_step).vertices;
    m.vertices.reserve(points);
    m.shades.reserve(points);
    for (const auto& country : countries) append_country(m, country, shade_of(country, gs), max_step);
    add_sphere_and_graticule(m);
    return m;
}

std::vector<std::uint32_t> triangulate(const BasemapMesh& m, const BasemapMesh::Polygon& polygon) {
    std::vector<std::span<const glm::vec2>> rings;
    for (std::uint32_t k = 0; k < polygon.ring_count; ++k) {
        const BasemapMesh::Ring& r = m.rings[polygon.first_ring + k];
        rings.emplace_back(m.vertices.data() + r.first, r.count);
    }
    std::vector<std::uint32_t> triangles = mapbox::earcut<std::uint32_t>(rings);
    const std::uint32_t first = m.rings[polygon.first_ring].first;  // (earcut counts from the outline's first vertex)
    for (std::uint32_t& index : triangles) index += first;
    return triangles;
}

bool read_basemap(const std::string& path, std::vector<BasemapCountry>& out, std::string& error) {
    std::string bytes;
    if (read_file(path, bytes, error, 64u << 20) && decode_basemap(bytes, out, error)) return true;
    error = path + ": " + error;
    return false;
}

std::vector<BasemapCountry> countries_within(const std::vector<BasemapCountry>& countries, const LonLatBox& box) {
    // A polygon is kept if its outline's bounds meet the box: the United States without Alaska's
    // and Hawaii's islands for the inset of Mexico (fewer triangles drawn, and less of the web's
    // memory, which keeps its highest level: making the inset set it).
    auto meets = [&](const std::vector<BasemapPoint>& outline) {
        glm::dvec2 lo{180, 90}, hi{-180, -90};
        for (const BasemapPoint q : outline) {
            const glm::dvec2 p = q.degrees();
            lo = glm::min(lo, p), hi = glm::max(hi, p);
        }
        return !outline.empty() && lo.x <= box.max.x && hi.x >= box.min.x && lo.y <= box.max.y && hi.y >= box.min.y;
    };
    std::vector<BasemapCountry> out;
    for (const BasemapCountry& c : countries) {
        BasemapCountry part{c.iso2, c.name, {}};
        for (const auto& polygon : c.polygons)
            if (!polygon.empty() && meets(polygon.front())) part.polygons.push_back(polygon);
        if (!part.polygons.empty()) out.push_back(std::move(part));
    }
    return out;
}

}  // namespace atlas
