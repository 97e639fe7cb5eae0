#include "core/basemap.h"

#include <algorithm>
#include <iterator>
#include <numeric>
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
    return for_each_country(r, each, error);
}

bool for_each_country(ByteReader& r, const CountryVisit& each, std::string& error) {
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

namespace {
bool visit_file(const std::string& path, const CountryVisit& each, std::string& error) {
    std::size_t size = 0;
    const FilePtr file = open_file(path, size, error, 64u << 20);
    if (!file) return false;
    ByteReader r(file.get(), size);
    return for_each_country(r, each, error);
}
}  // namespace

bool BasemapFile::read(const std::string& path, std::string& error) {
    path_.clear();
    if (!visit_file(path, [](const BasemapCountry&) {}, error)) {
        error = path + ": " + error;
        return false;
    }
    path_ = path;
    return true;
}

void BasemapFile::for_each(const CountryVisit& each) const {
    std::string unused;  // (checked whole when read)
    if (!path_.empty()) visit_file(path_, each, unused);
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

void append_polygon(BasemapMesh& m, const std::vector<std::vector<BasemapPoint>>& rings, BasemapMesh::Shade shade,
                    double max_step) {
    BasemapMesh::Polygon polygon{std::uint32_t(m.rings.size()), 0};
    for (const auto& ring : rings) {
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

void append_country(BasemapMesh& m, const BasemapCountry& country, BasemapMesh::Shade shade, double max_step,
                    PolygonFilter which) {
    for (const auto& poly : country.polygons)
        if (which.keeps(poly)) append_polygon(m, poly, shade, max_step);
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

namespace {
double cross(glm::dvec2 o, glm::dvec2 a, glm::dvec2 b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

// Whether segments pq and rs meet (touching counts).
bool meet(glm::dvec2 p, glm::dvec2 q, glm::dvec2 r, glm::dvec2 s) {
    const double d1 = cross(r, s, p), d2 = cross(r, s, q), d3 = cross(p, q, r), d4 = cross(p, q, s);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
    auto on = [](glm::dvec2 a, glm::dvec2 b, glm::dvec2 c, double d) {  // c on segment ab, collinear
        return d == 0 && std::min(a.x, b.x) <= c.x && c.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= c.y &&
               c.y <= std::max(a.y, b.y);
    };
    return on(r, s, p, d1) || on(r, s, q, d2) || on(p, q, r, d3) || on(p, q, s, d4);
}

// A chord between two of `ring`'s points (as positions in it) that crosses no edge and lies inside,
// splitting it into two parts of about half its points; {0, 0} if none of those tried does.
std::pair<std::size_t, std::size_t> find_chord(const std::vector<glm::vec2>& points, const std::vector<std::uint32_t>& ring) {
    const std::size_t n = ring.size();
    auto at = [&](std::size_t k) { return glm::dvec2(points[ring[k % n]]); };
    const std::size_t across[3] = {n / 2, n / 2 + n / 8, n / 2 - n / 8};  // (half-way round, an eighth more or less)
    for (std::size_t t = 0; t < 48; ++t) {
        const std::size_t i = t * n / 48, j = (i + across[t % 3]) % n;
        const glm::dvec2 a = at(i), b = at(j);
        if (a == b) continue;
        bool clear = true;
        for (std::size_t e = 0; e < n && clear; ++e) {
            const std::size_t next = (e + 1) % n;
            if (e == i || next == i || e == j || next == j) continue;  // (edges at its ends)
            clear = !meet(a, b, at(e), at(next));
        }
        if (!clear) continue;
        const glm::dvec2 mid = (a + b) / 2.0;  // inside: a ray from its middle crosses the outline an odd number of times
        bool inside = false;
        for (std::size_t e = 0; e < n; ++e) {
            const glm::dvec2 p = at(e), q = at(e + 1);
            if ((p.y > mid.y) != (q.y > mid.y) && mid.x < p.x + (mid.y - p.y) / (q.y - p.y) * (q.x - p.x)) inside = !inside;
        }
        if (inside) return {i, j};
    }
    return {0, 0};
}
}  // namespace

void triangulate(const BasemapMesh& m, const BasemapMesh::Polygon& polygon, const TriangleVisit& each,
                 std::size_t most_at_once) {
    const BasemapMesh::Ring& outline = m.rings[polygon.first_ring];
    if (polygon.ring_count == 1 && outline.count > most_at_once) {
        // Parts as the mesh's vertex numbers, cut until each is short enough (or no chord is found).
        std::vector<std::vector<std::uint32_t>> parts(1, std::vector<std::uint32_t>(outline.count));
        std::iota(parts[0].begin(), parts[0].end(), outline.first);
        std::vector<glm::vec2> ring;
        while (!parts.empty()) {
            std::vector<std::uint32_t> part = std::move(parts.back());
            parts.pop_back();
            const auto [i, j] = part.size() > most_at_once ? find_chord(m.vertices, part) : std::pair<std::size_t, std::size_t>{};
            if (i != j) {
                const std::size_t lo = std::min(i, j), hi = std::max(i, j);
                parts.emplace_back(part.begin() + std::ptrdiff_t(lo), part.begin() + std::ptrdiff_t(hi) + 1);
                std::vector<std::uint32_t> other(part.begin() + std::ptrdiff_t(hi), part.end());
                other.insert(other.end(), part.begin(), part.begin() + std::ptrdiff_t(lo) + 1);
                parts.push_back(std::move(other));
                continue;
            }
            ring.clear();
            for (std::uint32_t v : part) ring.push_back(m.vertices[v]);
            const std::vector<std::span<const glm::vec2>> rings{ring};
            std::vector<std::uint32_t> triangles = mapbox::earcut<std::uint32_t>(rings);
            for (std::uint32_t& k : triangles) k = part[k];
            each(triangles);
        }
        return;
    }
    std::vector<std::span<const glm::vec2>> rings;
    for (std::uint32_t k = 0; k < polygon.ring_count; ++k) {
        const BasemapMesh::Ring& r = m.rings[polygon.first_ring + k];
        rings.emplace_back(m.vertices.data() + r.first, r.count);
    }
    std::vector<std::uint32_t> triangles = mapbox::earcut<std::uint32_t>(rings);
    for (std::uint32_t& index : triangles) index += outline.first;  // (earcut counts from the outline's first vertex)
    each(triangles);
}

std::vector<std::uint32_t> triangulate(const BasemapMesh& m, const BasemapMesh::Polygon& polygon, std::size_t most_at_once) {
    std::vector<std::uint32_t> all;
    triangulate(m, polygon, [&](std::span<const std::uint32_t> some) { all.insert(all.end(), some.begin(), some.end()); },
                most_at_once);
    return all;
}

}  // namespace atlas
