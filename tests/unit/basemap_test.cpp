#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "core/basemap.h"
#include "core/projection.h"

using namespace atlas;

namespace {
// Encodes like tools/build_basemap.mjs.
struct Writer {
    std::string b = "ATLB";
    void u8(unsigned v) { b.push_back(char(v)); }
    void u32(unsigned v) { for (int i = 0; i < 4; ++i) u8((v >> (8 * i)) & 255); }
    void varint(unsigned v) {
        for (; v >= 128; v >>= 7) u8((v & 127) | 128);
        u8(v);
    }
    void zigzag(int v) { varint(v >= 0 ? unsigned(2 * v) : unsigned(-2 * v - 1)); }
    int prev[2] = {0, 0};
    void point(double lon, double lat) {
        const double c[2] = {lon, lat};
        for (int k = 0; k < 2; ++k) {
            const int q = int(std::lround(c[k] * 32767 / 180));
            zigzag(q - prev[k]);
            prev[k] = q;
        }
    }
};

std::string square_country() {
    Writer w;
    w.u32(2);
    w.u32(1);  // one country
    w.b += "MX";
    w.u8(6);
    w.b += "Mexico";
    w.varint(1);  // polygons
    w.varint(1);  // rings
    w.varint(4);
    w.point(-110, 15); w.point(-90, 15); w.point(-90, 30); w.point(-110, 30);
    return w.b;
}

// A file of one country with one ring whose points' bytes are `points` (after the count `n`).
std::string one_ring(unsigned n, const std::string& points) {
    Writer w;
    w.u32(2);
    w.u32(1);
    w.b += "MX";
    w.u8(2);
    w.b += "MX";
    w.varint(1);
    w.varint(1);
    w.varint(n);
    return w.b + points;
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

// Deltas of one byte and of several, negative and positive, and the map's corners (+-180, +-90).
TEST(Basemap, DecodesDeltasOfEverySize) {
    Writer w;
    w.u32(2);
    w.u32(1);
    w.b += "--";
    w.u8(0);
    w.varint(1);
    w.varint(1);
    const std::vector<glm::dvec2> points{{0.005, 0}, {-180, -90}, {180, 90}, {180, -90}, {-179.99, 89.99}};
    w.varint(unsigned(points.size()));
    for (auto p : points) w.point(p.x, p.y);
    std::vector<BasemapCountry> countries;
    std::string error;
    ASSERT_TRUE(decode_basemap(w.b, countries, error)) << error;
    const auto& ring = countries.at(0).polygons.at(0).at(0);
    ASSERT_EQ(ring.size(), points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        EXPECT_NEAR(ring[i].degrees().x, points[i].x, 0.006) << i;
        EXPECT_NEAR(ring[i].degrees().y, points[i].y, 0.006) << i;
    }
}

// A number longer than 32 bits, a point off the map, a count larger than the file, an old file.
TEST(Basemap, RejectsMalformedNumbersWithTheirCountry) {
    const std::pair<std::string, std::string> cases[] = {
        {one_ring(1, std::string("\xff\xff\xff\xff\x7f\x00", 6)), "MX"},        // 35 bits
        {one_ring(1, std::string("\xff\xff\xff\xff\xff\x01\x00", 7)), "MX"},   // 6 bytes
        {one_ring(1, std::string("\x80\x80\x04\x00", 4)), "off the map"},          // to 180.005 degrees
        {one_ring(1000, std::string("\x00\x00", 2)), "MX"},                           // 1,000 points in 2 bytes
    };
    for (const auto& [bytes, where] : cases) {
        std::vector<BasemapCountry> countries;
        std::string error;
        EXPECT_FALSE(decode_basemap(bytes, countries, error));
        EXPECT_NE(error.find(where), std::string::npos) << error;
        EXPECT_TRUE(countries.empty());
    }
    std::string old = square_country();
    old[4] = 1;  // version 1: deltas of 16 bits
    std::vector<BasemapCountry> countries;
    std::string error;
    EXPECT_FALSE(decode_basemap(old, countries, error));
    EXPECT_NE(error.find("version 2"), std::string::npos) << error;
}

namespace {
// Two countries, the second cut short after its name when `cut`.
std::string two_countries(bool cut) {
    Writer w;
    w.u32(2);
    w.u32(2);
    for (const char* iso : {"MX", "GT"}) {
        w.b += iso;
        w.u8(2);
        w.b += iso;
        if (cut && std::string(iso) == "GT") return w.b;
        w.varint(1);
        w.varint(1);
        w.varint(3);
        w.point(-100, 20); w.point(-95, 20); w.point(-95, 25);
    }
    return w.b;
}
}  // namespace

// The detailed basemap's countries are decoded again at each of the mesh's passes, not held, from
// the file read again a slice at a time: the file is checked whole when read, and every visit gives
// the countries decoding its bytes gives.
TEST(Basemap, AFileCheckedWholeGivesItsCountriesAtEveryVisit) {
    const std::string path = testing::TempDir() + "/basemap-visits.bin";
    auto write = [&](const std::string& bytes) {
        std::FILE* f = std::fopen(path.c_str(), "wb");
        ASSERT_NE(f, nullptr);
        std::fwrite(bytes.data(), 1, bytes.size(), f);
        std::fclose(f);
    };
    // Larger than a slice of the reader (16 KB), so that countries and rings straddle slices.
    Writer w;
    w.u32(2);
    w.u32(40);
    for (int c = 0; c < 40; ++c) {
        w.b += char('A' + c % 26), w.b += char('A' + c / 26);
        w.u8(4), w.b += "Land";
        w.varint(1), w.varint(1), w.varint(300);  // a polygon of one ring of 300 points
        for (int i = 0; i < 300; ++i) w.point(-100 + (i % 7) * 0.37 + c, 20 + (i % 11) * 0.5);
    }
    const std::string& many = w.b;
    std::vector<BasemapCountry> decoded;
    std::string error;
    ASSERT_TRUE(decode_basemap(many, decoded, error)) << error;
    ASSERT_EQ(decoded.size(), 40u);
    ASSERT_GT(many.size(), 2u * 16384);
    write(many);
    BasemapFile file;
    ASSERT_TRUE(file.read(path, error)) << error;
    for (int visit = 0; visit < 2; ++visit) {
        std::vector<BasemapCountry> seen;
        file.for_each([&](const BasemapCountry& c) { seen.push_back(c); });
        ASSERT_EQ(seen.size(), decoded.size()) << visit;
        for (std::size_t i = 0; i < seen.size(); ++i) {
            EXPECT_EQ(seen[i].iso2, decoded[i].iso2);
            EXPECT_EQ(seen[i].polygons, decoded[i].polygons) << seen[i].iso2;
        }
    }

    // Cut short: decoding hands over the first country, then names the second; the file refuses
    // the bytes, names itself, and gives nothing, whatever it held before.
    std::vector<std::string> handed;
    EXPECT_FALSE(for_each_country(two_countries(true), [&](const BasemapCountry& c) { handed.push_back(c.iso2); }, error));
    EXPECT_EQ(handed, std::vector<std::string>{"MX"});
    EXPECT_NE(error.find("country 1"), std::string::npos) << error;
    error.clear();
    write(two_countries(true));
    EXPECT_FALSE(file.read(path, error));
    EXPECT_NE(error.find(path), std::string::npos) << error;
    EXPECT_NE(error.find("country 1"), std::string::npos) << error;
    EXPECT_TRUE(file.empty());
    int visits = 0;
    file.for_each([&](const BasemapCountry&) { ++visits; });
    EXPECT_EQ(visits, 0);

    // Changed after it was read: a visit gives the countries before the change, and stops there.
    write(two_countries(false));
    ASSERT_TRUE(file.read(path, error)) << error;
    write(two_countries(true));
    handed.clear();
    file.for_each([&](const BasemapCountry& c) { handed.push_back(c.iso2); });
    EXPECT_EQ(handed, std::vector<std::string>{"MX"});
    std::remove(path.c_str());

    EXPECT_FALSE(file.read("/nonexistent/basemap-50m.bin", error));
    EXPECT_NE(error.find("/nonexistent/basemap-50m.bin"), std::string::npos) << error;
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

// A long outline is triangulated in parts cut along chords inside it (earcut's memory is 72 bytes a
// point at once): the parts' triangles fill it exactly, as one triangulation's would.
TEST(Basemap, ALongOutlineIsTriangulatedInPartsThatFillItExactly) {
    const auto filled_exactly = [](const std::vector<glm::vec2>& outline, const char* what) {
        BasemapMesh mesh;
        mesh.vertices.push_back({-1, 0});  // (a vertex before the outline: its numbers are the mesh's)
        const std::uint32_t first = 1, count = std::uint32_t(outline.size());
        mesh.vertices.insert(mesh.vertices.end(), outline.begin(), outline.end());
        mesh.rings.push_back({first, count});
        mesh.polygons.push_back({0, 1});
        double outline_area = 0;  // (shoelace)
        for (std::uint32_t k = 0; k < count; ++k) {
            const glm::dvec2 a = outline[k], b = outline[(k + 1) % count];
            outline_area += (a.x * b.y - b.x * a.y) / 2;
        }
        for (std::size_t most : {std::size_t(4096), std::size_t(2048), std::size_t(64), std::size_t(8)}) {
            const std::vector<std::uint32_t> fill = triangulate(mesh, mesh.polygons[0], most);
            ASSERT_EQ(fill.size(), 3u * (count - 2)) << what << most;  // a simple polygon's n - 2 triangles
            double area = 0;
            for (std::size_t i = 0; i < fill.size(); i += 3) {
                for (int k = 0; k < 3; ++k) {
                    ASSERT_GE(fill[i + k], first) << what << most;
                    ASSERT_LT(fill[i + k], mesh.vertices.size()) << what << most;
                }
                const glm::dvec2 a = mesh.vertices[fill[i]], b = mesh.vertices[fill[i + 1]], c = mesh.vertices[fill[i + 2]];
                area += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
            }
            EXPECT_NEAR(area, std::abs(outline_area), std::abs(outline_area) * 1e-6) << what << most;
        }
    };
    // A comb, its teeth up and its back down, both with many points: most chords between two of its
    // points cross it.
    std::vector<glm::vec2> comb;
    for (int t = 0; t < 150; ++t)
        for (int k = 0; k < 4; ++k) comb.push_back({float(4 * t + k), 10 + float(k % 2) * 30 + float(k) * 0.01f});
    for (int k = 300; k >= 0; --k) comb.push_back({float(k) * 2, -5 - float(k % 3) * 0.5f});
    filled_exactly(comb, "comb ");
    // A U whose first chord tried (its first point to its middle one) joins the tips of its arms'
    // inner sides: it crosses nothing, but runs outside, over the U's opening.
    std::vector<glm::vec2> u;
    auto path = [&](std::vector<glm::vec2> corners, int points) {  // points along the corners' path, the last corner left out
        std::vector<double> at{0};
        for (std::size_t c = 1; c < corners.size(); ++c) at.push_back(at.back() + glm::length(glm::dvec2(corners[c] - corners[c - 1])));
        for (int p = 0; p < points; ++p) {
            const double d = at.back() * p / points;
            std::size_t c = 1;
            while (at[c] < d) ++c;
            const double f = (d - at[c - 1]) / (at[c] - at[c - 1]);
            u.push_back(glm::vec2(glm::dvec2(corners[c - 1]) + f * glm::dvec2(corners[c] - corners[c - 1])));
        }
    };
    path({{10, 100}, {10, 10}, {90, 10}, {90, 100}}, 1250);              // the inner side
    path({{90, 100}, {100, 100}, {100, 0}, {0, 0}, {0, 100}, {10, 100}}, 1250);  // the outer side
    filled_exactly(u, "U ");
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
        append_country(piece, c, shade_of(c.iso2, nullptr));
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
    EXPECT_EQ(shade_of(mexico.iso2, nullptr), BasemapMesh::Mexico);
    EXPECT_EQ(shade_of(other.iso2, nullptr), BasemapMesh::Other);
}

// The inset of Mexico draws the parts of countries whose polygons meet its box: the United States
// without Alaska, and a polygon wider than the box with no point in it. The map's mesh puts them
// first (measured and appended with the filter), then the rest: together, every polygon once.
TEST(Basemap, PolygonsMeetingABoxAreSetApartFromTheRest) {
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
    const LonLatBox box{{-125, 4}, {-80, 36}};
    const PolygonFilter meeting{&box, true}, rest{&box, false};
    EXPECT_TRUE(meeting.keeps(world[0].polygons[0]));
    EXPECT_FALSE(meeting.keeps(world[0].polygons[1]));
    EXPECT_FALSE(meeting.keeps(world[1].polygons[0]));
    EXPECT_TRUE(meeting.keeps(world[2].polygons[0]));
    for (const auto& c : world)
        for (const auto& p : c.polygons) {
            EXPECT_NE(meeting.keeps(p), rest.keeps(p)) << c.name;
            EXPECT_TRUE(PolygonFilter{}.keeps(p));
        }
    for (const auto& c : world) {
        BasemapMesh all, first, second;
        append_country(all, c, BasemapMesh::Other);
        append_country(first, c, BasemapMesh::Other, 1.0, meeting);
        append_country(second, c, BasemapMesh::Other, 1.0, rest);
        EXPECT_EQ(measure_country(c, 1.0, meeting).vertices, first.vertices.size()) << c.name;
        EXPECT_EQ(measure_country(c, 1.0, rest).rings, second.rings.size()) << c.name;
        EXPECT_EQ(first.vertices.size() + second.vertices.size(), all.vertices.size()) << c.name;
        EXPECT_EQ(first.polygons.size() + second.polygons.size(), all.polygons.size()) << c.name;
    }
    BasemapMesh xx;
    append_country(xx, world[2], BasemapMesh::Other, 1.0, meeting);
    ASSERT_EQ(xx.polygons.size(), 1u);
    EXPECT_EQ(xx.polygons[0].ring_count, 2u);  // (with its hole)
}
