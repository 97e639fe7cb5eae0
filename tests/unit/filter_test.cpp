#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "core/filter.h"
#include "test_data.h"

using namespace atlas;

TEST(Filter, DefaultShowsEveryCityWithACurrentDesignation) {
    auto r = test::shipped_data();
    const auto& d = r.dataset;
    FilterCounts counts;
    auto visible = visible_cities(d, Filter::all(d), &counts);
    int expected = 0;
    for (auto& c : d.cities)
        for (auto& g : c.designations)
            if (!g.former) { ++expected; break; }
    EXPECT_EQ(int(visible.size()), expected);
    EXPECT_EQ(counts.visible, expected);
    EXPECT_EQ(expected, int(d.cities.size()) - 1);  // Harbin is a former member
}

TEST(Filter, FieldCountsEqualTheData) {
    auto r = test::shipped_data();
    const auto& d = r.dataset;
    FilterCounts counts;
    visible_cities(d, Filter::all(d), &counts);
    // The per-field totals of current members, as published (see shared/data/SOURCES.md).
    const std::map<std::string, int> published = {
        {"Crafts and Folk Art", 80}, {"Design", 53}, {"Film", 30}, {"Gastronomy", 66},
        {"Literature", 63}, {"Media Arts", 27}, {"Music", 84}, {"Architecture", 5}};
    for (auto& [name, n] : published) EXPECT_EQ(counts.by_field[d.find_field(name)], n) << name;
}

TEST(Filter, FieldsYearsRegionAndGroupsCombine) {
    auto r = test::dataset_with(test::three_cities());
    const auto& d = r.dataset;
    Filter f = Filter::all(d);
    EXPECT_EQ(visible_cities(d, f).size(), 3u);

    f.fields.assign(d.fields.size(), false);
    f.fields[d.find_field("Design")] = true;  // Puebla passes by Design, and by heritage too
    EXPECT_EQ(visible_cities(d, f), (std::vector<int>{d.find_city("mx-puebla"), d.find_city("de-berlin")}));

    f = Filter::all(d);
    f.year_from = 2010;
    f.year_to = 2020;
    EXPECT_EQ(visible_cities(d, f), (std::vector<int>{d.find_city("mx-puebla"), d.find_city("br-salvador")}));

    f = Filter::all(d);
    f.region = Region::GlobalSouth;
    EXPECT_EQ(visible_cities(d, f).size(), 2u);
    f.region = Region::Mexico;
    EXPECT_EQ(visible_cities(d, f), std::vector<int>{d.find_city("mx-puebla")});

    f = Filter::all(d);
    f.networks[d.find_network("uccn")] = false;  // heritage only
    EXPECT_EQ(visible_cities(d, f), std::vector<int>{d.find_city("mx-puebla")});
}

TEST(Filter, FacetCountsIgnoreTheirOwnFacet) {
    auto r = test::dataset_with(test::three_cities());
    const auto& d = r.dataset;
    Filter f = Filter::all(d);
    f.fields.assign(d.fields.size(), false);  // nothing checked: counts still say what checking would show
    f.networks[d.find_network("mx-heritage")] = false;
    FilterCounts counts;
    EXPECT_TRUE(visible_cities(d, f, &counts).empty());
    EXPECT_EQ(counts.by_field[d.find_field("design")], 2);
    EXPECT_EQ(counts.by_field[d.find_field("music")], 1);
}
