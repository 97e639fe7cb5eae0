#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>

#include "core/basemap.h"
#include "core/projection.h"

using namespace atlas;

namespace {
// Encodes like tools/build_basemap.mjs.
struct Writer {
    std::string b = "ATLB";
    void u8(unsigned v) { b.push_back(char(v)); }
    void u16(unsigned v) { u8(v & 255); u8((v >> 8) & 255); }
    void u32(unsigned v) { u16(v & 0xffff); u16(v >> 16); }
    int prev[2] = {0, 0};
    void point(double lon, double lat) {
        const double c[2] = {lon, lat};
        for (int k = 0; k < 2; ++k) {
            const int q = int(std::lround(c[k] * 32767 / 180));
            u16(unsigned(q - prev[k]) & 0xffff);
            prev[k] = q;
        }
    }
};

std::string square_country() {
    Writer w;
    w.u32(1);
    w.u32(1);  // one country
    w.b += "MX";
    w.u8(6);
    w.b += "Mexico";
    w.u32(1);  // polygons
    w.u32(1);  // rings
    w.u32(4);
    w.point(-110, 15); w.point(-90, 15); w.point(-90, 30); w.point(-110, 30);
    return w.b;
}
}  // namespace

TEST(Basemap, DecodesQuantizedDeltas) {
    std::vector<BasemapCountry> countries;
    std::string error;
    ASSERT_TRUE(decode_basemap(square_country(), countries, error)) << error;
    ASSERT_EQ(countries.size(), 1u);
    EXPECT_EQ(countries[0].iso2, "MX");
    EXPECT_EQ(countries[0].name, "Mexico");
    const auto& ring = countries[0].polygons.at(0).at(0);
    ASSERT_EQ(ring.size(), 4u);
    EXPECT_NEAR(ring[2].degrees().x, -90, 0.006);
    EXPECT_NEAR(ring[2].degrees().y, 30, 0.006);
}

TEST(Basemap, RejectsEveryTruncation) {
    const std::string full = square_country();
    for (std::size_t n = 0; n < full.size(); ++n) {
        std::vector<BasemapCountry> countries;
        std::string error;
        EXPECT_FALSE(decode_basemap(full.substr(0, n), countries, error)) << n;
        EXPECT_FALSE(error.empty());
    }
}

TEST(Basemap, MeshCoversTheAreaWithTriangles) {
    std::vector<BasemapCountry> countries;
    std::string error;
    ASSERT_TRUE(decode_basemap(square_country(), countries, error));
    CountryGroup gs{"global-south", "Global South", "", {"MX"}};
    const auto mesh = build_basemap_mesh(countries, &gs, 1.0);
    ASSERT_EQ(mesh.polygons.size(), 1u);
    const std::vector<std::uint32_t> fill = triangulate(mesh, mesh.polygons[0]);
    ASSERT_FALSE(fill.empty());
    EXPECT_EQ(fill.size() % 3, 0u);
    EXPECT_LE(fill.size(), mesh.most_fill_indices());
    double area = 0;
    for (std::size_t i = 0; i < fill.size(); i += 3) {
        ASSERT_LT(std::max({fill[i], fill[i + 1], fill[i + 2]}), mesh.vertices.size());
        auto a = mesh.vertices[fill[i]], b = mesh.vertices[fill[i + 1]], c = mesh.vertices[fill[i + 2]];
        area += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
    }
    // Equal-area projection: the projected area equals the spherical area of the cell (unit sphere).
    const double deg = 3.14159265358979 / 180;
    const double sphere_area = 20 * deg * (std::sin(30 * deg) - std::sin(15 * deg));
    EXPECT_NEAR(area, sphere_area, sphere_area * 0.01);
    for (auto s : mesh.shades) EXPECT_EQ(s, BasemapMesh::Mexico);
    EXPECT_GT(mesh.vertices.size(), 4u);  // 20-degree edges were split
    // The border: one ring over every vertex (its segments are made at upload).
    ASSERT_EQ(mesh.rings.size(), 1u);
    EXPECT_EQ(mesh.rings[0].first, 0u);
    EXPECT_EQ(mesh.rings[0].count, mesh.vertices.size());
}

// The GL layer makes the mesh a country at a time, sized by measure_country first: each piece,
// numbered from its first vertex, must be the whole mesh's part for that country.
TEST(Basemap, CountryPiecesAreTheWholeMeshInParts) {
    auto ring = [](std::vector<glm::dvec2> degrees) {
        std::vector<BasemapPoint> r;
        for (auto d : degrees) r.push_back({std::int16_t(std::lround(d.x / BasemapPoint::kStep)), std::int16_t(std::lround(d.y / BasemapPoint::kStep))});
        return r;
    };
    BasemapCountry mexico{"MX", "Mexico", {}}, other{"AR", "Argentina", {}};
    // An outline with long edges (split) and a hole, a ring of two points (dropped), and a polygon
    // whose only ring repeats its first point.
    mexico.polygons.push_back({ring({{-110, 15}, {-90, 15}, {-90, 30}, {-110, 30}}), ring({{-100, 20}, {-98, 20}, {-98, 22}})});
    mexico.polygons.push_back({ring({{-80, 10}, {-79, 10}})});
    other.polygons.push_back({ring({{-65, -30}, {-60, -30}, {-60, -25}, {-65, -30}})});
    const std::vector<BasemapCountry> countries{mexico, other};
    const BasemapMesh whole = build_basemap_mesh(countries, nullptr);
    std::size_t base = 0, polygon = 0;
    for (const BasemapCountry& c : countries) {
        BasemapMesh piece;
        append_country(piece, c, shade_of(c, nullptr));
        const BasemapMesh::Size size = measure_country(c);
        EXPECT_EQ(size.vertices, piece.vertices.size()) << c.name;
        EXPECT_EQ(size.rings, piece.rings.size()) << c.name;
        ASSERT_LE(base + piece.vertices.size(), whole.vertices.size());
        for (std::size_t i = 0; i < piece.vertices.size(); ++i) EXPECT_EQ(piece.vertices[i], whole.vertices[base + i]);
        for (const BasemapMesh::Polygon& p : piece.polygons) {
            std::vector<std::uint32_t> shifted = triangulate(piece, p);
            for (auto& i : shifted) i += std::uint32_t(base);
            EXPECT_EQ(shifted, triangulate(whole, whole.polygons[polygon++])) << c.name;
        }
        base += piece.vertices.size();
    }
    EXPECT_EQ(base, whole.vertices.size());
    EXPECT_EQ(polygon, whole.polygons.size());
    EXPECT_EQ(whole.rings.size(), 3u);  // the outline, its hole and Argentina's ring
    EXPECT_EQ(shade_of(mexico, nullptr), BasemapMesh::Mexico);
    EXPECT_EQ(shade_of(other, nullptr), BasemapMesh::Other);
}

// The inset of Mexico takes the polygons that meet its box, not whole countries: the United States
// without Alaska, and a polygon wider than the box with no point in it.
TEST(Basemap, CountriesWithinABoxKeepThePolygonsThatMeetIt) {
    auto ring = [](std::initializer_list<glm::dvec2> degrees) {
        std::vector<BasemapPoint> r;
        for (auto d : degrees) r.push_back({std::int16_t(std::lround(d.x / BasemapPoint::kStep)), std::int16_t(std::lround(d.y / BasemapPoint::kStep))});
        return r;
    };
    const std::vector<BasemapCountry> world = {
        {"US", "United States", {{ring({{-120, 30}, {-100, 30}, {-100, 45}, {-120, 45}})},      // meets it
                                 {ring({{-160, 60}, {-140, 60}, {-140, 70}, {-160, 70}})}}},    // Alaska: does not
        {"CA", "Canada", {{ring({{-120, 50}, {-60, 50}, {-60, 70}, {-120, 70}})}}},              // does not
        {"XX", "Around", {{ring({{-130, 0}, {-70, 0}, {-70, 5}, {-130, 5}}),                     // wider than the box, no point in it
                           ring({{-129, 1}, {-128, 1}, {-128, 2}})}}}};
    const std::vector<BasemapCountry> within = countries_within(world, {{-125, 4}, {-80, 36}});
    ASSERT_EQ(within.size(), 2u);
    EXPECT_EQ(within[0].iso2, "US");
    ASSERT_EQ(within[0].polygons.size(), 1u);
    EXPECT_EQ(within[0].polygons[0], world[0].polygons[0]);
    EXPECT_EQ(within[1].iso2, "XX");
    EXPECT_EQ(within[1].polygons, world[2].polygons);  // (with its hole)
}
