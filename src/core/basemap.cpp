#include "core/basemap.h"

#include <algorithm>
#include <iterator>
#include <cmath>
#include <cstring>
#include <functional>
#include <span>
#include <utility>

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

bool for_each_country(std::string_view bytes, const CountryVisit& each, std::string& error) {
    ByteReader r(bytes);
    std::string magic;
    std::uint32_t version = 0, count = 0;
    if (!r.bytes(4, magic) || magic != "ATLB" || !r.u32(version) || version != 2) {
        error = "not an atlas basemap (version 2) file";
        return false;
    }
    auto malformed = [&](const std::string& where) {
        error = "truncated or malformed at " + where;
        return false;
    };
    if (!r.u32(count) || count > 10000) return malformed("the country count");
    BasemapCountry country;  // (one at a time)
    for (std::uint32_t c = 0; c < count; ++c) {
        std::uint32_t name_len = 0, polys = 0;
        country.polygons.clear();
        if (!r.bytes(2, country.iso2) || !r.u8(name_len) || !r.bytes(name_len, country.name) || !r.varint(polys))
            return malformed("country " + std::to_string(c));
        std::int32_t q[2] = {0, 0};  // the running quantized lon/lat
        for (std::uint32_t p = 0; p < polys; ++p) {
            std::uint32_t rings = 0;
            // Every ring takes a byte at least, every point two: the counts cannot ask for more
            // memory than the file could fill.
            if (!r.varint(rings) || rings > r.remaining()) return malformed(country.name);
            auto& poly = country.polygons.emplace_back();
            for (std::uint32_t k = 0; k < rings; ++k) {
                std::uint32_t n = 0;
                if (!r.varint(n) || n > r.remaining() / 2) return malformed(country.name);
                auto& ring = poly.emplace_back();
                ring.reserve(n);
                for (std::uint32_t i = 0; i < n; ++i) {
                    for (int a = 0; a < 2; ++a) {
                        std::uint32_t z = 0;
                        if (!r.varint(z)) return malformed(country.name);
                        const std::int64_t next = q[a] + (z & 1 ? -std::int64_t(z >> 1) - 1 : std::int64_t(z >> 1));  // (zigzag)
                        if (next < -32767 || next > 32767) return malformed(country.name + " (a point off the map)");
                        q[a] = std::int32_t(next);
                    }
                    ring.push_back({std::int16_t(q[0]), std::int16_t(q[1])});
                }
            }
        }
        each(country);
    }
    return true;
}

bool decode_basemap(std::string_view bytes, std::vector<BasemapCountry>& out, std::string& error) {
    out.clear();
    if (for_each_country(bytes, [&](BasemapCountry& c) { out.push_back(std::move(c)); }, error)) return true;
    out.clear();
    return false;
}

bool BasemapFile::read(const std::string& path, std::string& error) {
    bytes_.clear();
    std::string bytes;
    if (read_file(path, bytes, error, 64u << 20) && load(std::move(bytes), error)) return true;
    error = path + ": " + error;
    return false;
}

bool BasemapFile::load(std::string bytes, std::string& error) {
    bytes_.clear();
    if (!for_each_country(bytes, [](const BasemapCountry&) {}, error)) return false;
    bytes_ = std::move(bytes);
    return true;
}

void BasemapFile::for_each(const CountryVisit& each) const {
    std::string unused;  // (checked whole when loaded)
    if (!bytes_.empty()) for_each_country(bytes_, each, unused);
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

BasemapMesh::Shade shade_of(const std::string& iso2, const CountryGroup* gs) {
    return iso2 == "MX" ? BasemapMesh::Mexico : gs && gs->contains(iso2) ? BasemapMesh::GlobalSouth : BasemapMesh::Other;
}

bool PolygonFilter::keeps(const std::vector<std::vector<BasemapPoint>>& polygon) const {
    if (!box) return meeting;
    // Its outline's bounds: the United States without Alaska's and Hawaii's islands for the inset
    // of Mexico, and a polygon wider than the box with no point in it.
    if (polygon.empty() || polygon.front().empty()) return !meeting;
    glm::dvec2 lo{180, 90}, hi{-180, -90};
    for (const BasemapPoint q : polygon.front()) {
        const glm::dvec2 p = q.degrees();
        lo = glm::min(lo, p), hi = glm::max(hi, p);
    }
    const bool meets = lo.x <= box->max.x && hi.x >= box->min.x && lo.y <= box->max.y && hi.y >= box->min.y;
    return meets == meeting;
}

BasemapMesh::Size measure_country(const BasemapCountry& country, double max_step, PolygonFilter which) {
    BasemapMesh::Size size;
    for (const auto& poly : country.polygons) {
        if (!which.keeps(poly)) continue;
        for (const auto& ring : poly)
            if (const std::size_t n = project_ring(ring, max_step, nullptr); n >= 3) size.vertices += n, ++size.rings;
    }
    return size;
}

void append_country(BasemapMesh& m, const BasemapCountry& country, BasemapMesh::Shade shade, double max_step,
                    PolygonFilter which) {
    for (const auto& poly : country.polygons) {
        if (!which.keeps(poly)) continue;
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
    for (const auto& country : countries) append_country(m, country, shade_of(country.iso2, gs), max_step);
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

}  // namespace atlas
