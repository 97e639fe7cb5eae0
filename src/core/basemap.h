// Country shapes for the basemap: decoding the compact file made by tools/build_basemap.mjs and
// turning it into a projected, triangulated mesh (fills) plus outline segments. GL-free.
#pragma once
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/vec2.hpp>

#include "core/model.h"

namespace atlas {

// A lon/lat point as the file holds it, in steps of 180/32767 degrees: 4 bytes, not the 16 of two
// doubles (the web decodes the 1:50m basemap's 110,000 points, and its memory keeps its highest level).
struct BasemapPoint {
    static constexpr double kStep = 180.0 / 32767.0;
    std::int16_t lon = 0, lat = 0;
    glm::dvec2 degrees() const { return {lon * kStep, lat * kStep}; }
    bool operator==(const BasemapPoint&) const = default;
};

struct BasemapCountry {
    std::string iso2, name;
    // polygons -> rings (outer first, then holes) -> lon/lat points
    std::vector<std::vector<std::vector<BasemapPoint>>> polygons;
};

// Decodes a basemap file a country at a time, handing each to `each` (valid only during the call,
// which may move it away). False with a message at the first truncated or malformed part (the
// countries before it were handed over); never reads out of bounds.
using CountryVisit = std::function<void(BasemapCountry&)>;
bool for_each_country(std::string_view bytes, const CountryVisit& each, std::string& error);
class ByteReader;
bool for_each_country(ByteReader& bytes, const CountryVisit& each, std::string& error);
// Every country at once (tests, the native benchmark, the fuzzer).
bool decode_basemap(std::string_view bytes, std::vector<BasemapCountry>& out, std::string& error);

// A basemap file, checked whole when read; its countries are decoded again at each visit instead
// of held (a mesh passes over them three times), from the file read again a slice at a time: the
// web's memory keeps its highest level for good, and the detailed basemap's decoded points (0.45
// MB), then its bytes (0.23 MB), sat under its mesh's peak there.
class BasemapFile {
public:
    bool read(const std::string& path, std::string& error);  // false with a message naming the file
    // (A file changed since it was read gives the countries before the change: a mesh counted
    // first then finds it has fewer, and says so.)
    void for_each(const CountryVisit& each) const;
    bool empty() const { return path_.empty(); }

private:
    std::string path_;
};

struct BasemapMesh {
    enum Shade : std::uint8_t { Other = 0, GlobalSouth = 1, Mexico = 2 };
    std::vector<glm::vec2> vertices;      // projected (Equal Earth)
    std::vector<std::uint8_t> shades;     // per vertex
    // Each ring's vertices, closed: the borders (their line segments are made as they are
    // uploaded: as index pairs they would be 8 bytes a vertex, in the web's memory for good).
    struct Ring {
        std::uint32_t first, count;
    };
    std::vector<Ring> rings;
    // Each polygon's rings (its outline, then its holes). Its triangles are made as they are
    // uploaded too (triangulate): all at once they took 1.3 MB more of the web's peak for 1:50m.
    struct Polygon {
        std::uint32_t first_ring, ring_count;
    };
    std::vector<Polygon> polygons;
    std::vector<glm::vec2> sphere;        // the map's outline, as a closed ring
    std::vector<glm::vec2> graticule;     // line segments (pairs) every 30 degrees

    struct Size {
        std::size_t vertices = 0, rings = 0;
        // No more indices than this for all the polygons' triangles (a polygon of n vertices and
        // h holes has n + 2h - 2 triangles).
        std::size_t most_fill_indices() const { return 3 * (vertices + 2 * rings); }
    };
    std::size_t most_fill_indices() const { return Size{vertices.size(), rings.size()}.most_fill_indices(); }
};

// Projects every country; edges longer than max_step_deg are split so that curved meridians stay
// curved. Countries in `global_south` are shaded as such. The whole mesh at once (tests, the native
// benchmark); the GL layer makes it a country at a time instead (the pieces below): the 1:50m mesh
// whole was 1 MB of the web's peak memory, which it keeps for good.
BasemapMesh build_basemap_mesh(const std::vector<BasemapCountry>& countries,
                               const CountryGroup* global_south, double max_step_deg = 1.0);

// A box of longitudes and latitudes ({min lon, min lat}, {max lon, max lat}).
struct LonLatBox {
    glm::dvec2 min{-180, -90}, max{180, 90};
};
// Which of a country's polygons a mesh takes: those whose outline's bounds meet the box
// (`meeting`), or those whose do not. No box is the whole map, which every polygon meets: the
// default filter takes them all. The inset of Mexico draws the first part of the map's own mesh:
// the parts of countries that reach into its box, put first.
struct PolygonFilter {
    const LonLatBox* box = nullptr;
    bool meeting = true;
    bool keeps(const std::vector<std::vector<BasemapPoint>>& polygon) const;
};

// The pieces build_basemap_mesh is made of.
BasemapMesh::Shade shade_of(const std::string& iso2, const CountryGroup* global_south);
// What append_country adds for the country, counted without projecting it.
BasemapMesh::Size measure_country(const BasemapCountry& country, double max_step_deg = 1.0, PolygonFilter which = {});
void append_country(BasemapMesh& mesh, const BasemapCountry& country, BasemapMesh::Shade shade, double max_step_deg = 1.0,
                    PolygonFilter which = {});
// One of a country's polygons (its rings: the outline, then its holes), as append_country adds each.
void append_polygon(BasemapMesh& mesh, const std::vector<std::vector<BasemapPoint>>& rings, BasemapMesh::Shade shade,
                    double max_step_deg = 1.0);
void add_sphere_and_graticule(BasemapMesh& mesh);

// The triangles (vertex numbers of the mesh, three a triangle) that fill one of its polygons,
// handed over a part at a time (or all at once, below).
// Earcut takes 72 bytes a point at once (its nodes, for half as many points again as it is given):
// Mexico's 7,360 points at 1:10m asked for 0.5 MB in one block, which the web's memory, full of
// smaller free pieces by then, grew for and kept. An outline without holes of more than
// `most_at_once` points is cut in two along a chord inside it, again until each part has no more
// (or no chord is found), and each part is triangulated alone.
inline constexpr std::size_t kMostTriangulatedAtOnce = 1024;
using TriangleVisit = std::function<void(std::span<const std::uint32_t>)>;
void triangulate(const BasemapMesh& mesh, const BasemapMesh::Polygon& polygon, const TriangleVisit& each,
                 std::size_t most_at_once = kMostTriangulatedAtOnce);
std::vector<std::uint32_t> triangulate(const BasemapMesh& mesh, const BasemapMesh::Polygon& polygon,
                                       std::size_t most_at_once = kMostTriangulatedAtOnce);

}  // namespace atlas
