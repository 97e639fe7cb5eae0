// Exports: the CSV and GeoJSON of the cities shown hold exactly those cities, their designations
// and sources, in a form spreadsheets of each language read.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "core/export.h"
#include "core/json_io.h"
#include "test_data.h"

using namespace atlas;
using json = nlohmann::json;

namespace {
// A small RFC 4180 reader: rows of cells.
std::vector<std::vector<std::string>> read_csv(const std::string& text, char sep) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        std::string& cell = rows.back().back();
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"') quoted = true;
        else if (c == sep) rows.back().emplace_back();
        else if (c == '\r') continue;
        else if (c == '\n') rows.emplace_back(1);
        else cell += c;
    }
    if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
    return rows;
}
Atlas filtered() {
    Atlas a(test::shipped_data());
    a.set_viewport({1280, 800});
    a.act({{"type", "filter"}, {"region", "global-south"}, {"fields", {"music", "gastronomy"}}});
    a.act({{"type", "year"}, {"year", 2019}});
    return a;
}
}  // namespace

TEST(Export, CsvHoldsExactlyTheCitiesShownWithTheirSources) {
    Atlas a = filtered();
    const std::string csv = export_csv(a);
    ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
    const auto rows = read_csv(csv.substr(3), ',');
    ASSERT_GT(rows.size(), 10u);
    EXPECT_EQ(rows[0][0], "id");
    EXPECT_EQ(rows[0].back(), "sources");
    std::set<std::string> ids, expected;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        ASSERT_EQ(rows[r].size(), rows[0].size()) << "row " << r;
        ids.insert(rows[r][0]);
        EXPECT_FALSE(rows[r].back().empty()) << rows[r][0] << " has its sources";
        EXPECT_LE(std::stoi(rows[r][9]), 2019);
    }
    for (const auto& c : a.visible_cities()) expected.insert(c["id"].get<std::string>());
    EXPECT_EQ(ids, expected);
}

TEST(Export, SpanishSpreadsheetsGetSemicolonsAndDecimalCommas) {
    Atlas a = filtered();
    const auto rows = read_csv(export_csv(a, {';', ','}).substr(3), ';');
    ASSERT_GT(rows.size(), 1u);
    EXPECT_EQ(rows[0].size(), 14u);
    EXPECT_NE(rows[1][5].find(','), std::string::npos) << rows[1][5];  // latitude with a decimal comma
    EXPECT_EQ(rows[1][5].find('.'), std::string::npos);
}

TEST(Export, GeoJsonHasThePointsAndTheLinksDrawn) {
    Atlas a(test::shipped_data());
    a.set_viewport({1280, 800});
    a.act({{"type", "filter"}, {"region", "mexico"}});
    const JsonDocument doc = parse_json(export_geojson(a));
    ASSERT_TRUE(doc.ok()) << doc.error;
    int points = 0, lines = 0;
    for (const auto& f : doc.value["features"]) {
        const std::string type = f["geometry"]["type"];
        if (type == "Point") {
            ++points;
            EXPECT_EQ(f["properties"]["country"], "MX");
        } else {
            ++lines;
            EXPECT_TRUE(type == "LineString" || type == "MultiLineString");
        }
    }
    EXPECT_EQ(points, a.state()["counts"]["visible"].get<int>());
    int data_links = 0;
    for (const auto& l : a.drawn_links()) data_links += l.to >= 0;
    EXPECT_EQ(lines, data_links);
    EXPECT_GT(lines, 20);  // the Mexican network's 28 pairs and more
}
