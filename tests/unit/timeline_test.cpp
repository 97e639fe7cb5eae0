// The timeline and the statistics against the data, for every year.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "core/atlas.h"
#include "core/statistics.h"
#include "test_data.h"

using namespace atlas;
using json = nlohmann::json;

namespace {
json raw(const char* file) {
    std::ifstream in(std::string(ATLAS_DATA_DIR) + "/" + file);
    return json::parse(in);
}
}  // namespace

TEST(Timeline, VisibleCitiesAndLinksForEveryYearEqualTheData) {
    Atlas a(test::shipped_data());
    a.set_viewport({1280, 800});
    const json cities = raw("cities.json")["cities"], links = raw("links.json")["links"];
    for (int year = a.first_year(); year <= a.last_year(); ++year) {
        ASSERT_FALSE(a.act({{"type", "year"}, {"year", year}}).contains("error"));
        std::set<std::string> expected, shown;
        for (const auto& c : cities)
            for (const auto& d : c["designations"])
                if (d.value("status", "current") != "former" && d["year"].get<int>() <= year) expected.insert(c["id"]);
        for (int i : a.visible()) shown.insert(a.data().cities[i].id);
        EXPECT_EQ(shown, expected) << year;
        std::set<std::string> expected_links, shown_links;
        for (const auto& l : links)
            if (expected.count(l["from"]) && expected.count(l["to"]) && (!l.contains("year") || l["year"].get<int>() <= year))
                expected_links.insert(l["id"]);
        for (const auto& l : a.drawn_links()) shown_links.insert(a.data().links[l.link].id);
        EXPECT_EQ(shown_links, expected_links) << year;
    }
}

TEST(Timeline, PlayingRunsThroughTheYearsAndStopsAtTheEnd) {
    Atlas a(test::shipped_data());
    a.set_viewport({1280, 800});
    a.act({{"type", "speed"}, {"yearsPerSecond", 4}});
    a.act({{"type", "play"}});
    EXPECT_EQ(a.timeline_year(), a.first_year());
    std::size_t last_count = a.visible().size();
    for (int i = 0; i < 60 * 12 && a.playing(); ++i) {
        a.update(1.0 / 60);
        EXPECT_GE(a.visible().size(), last_count);  // the network only grows
        last_count = a.visible().size();
    }
    EXPECT_FALSE(a.playing());
    EXPECT_EQ(a.timeline_year(), a.last_year());
    EXPECT_EQ(a.state()["counts"]["visible"], int(a.data().cities.size()) - 1);  // all but Harbin
}

TEST(Timeline, NewCitiesFadeInWhilePlaying) {
    Atlas a(test::dataset_with(test::three_cities()));
    const int salvador = a.data().find_city("br-salvador"), berlin = a.data().find_city("de-berlin");
    a.act({{"type", "year"}, {"year", 2014}});
    EXPECT_TRUE(std::find(a.visible().begin(), a.visible().end(), salvador) == a.visible().end());
    a.act({{"type", "speed"}, {"yearsPerSecond", 1}});
    a.act({{"type", "play"}});  // resumes from the end of 2014
    a.update(0.05);             // early 2015: Salvador (2015) is there, still faint
    ASSERT_TRUE(std::find(a.visible().begin(), a.visible().end(), salvador) != a.visible().end());
    EXPECT_GT(a.appear_alpha(salvador), 0.0f);
    EXPECT_LT(a.appear_alpha(salvador), 0.3f);
    EXPECT_FLOAT_EQ(a.appear_alpha(berlin), 1.0f);  // there since 2005
    a.update(0.6);
    EXPECT_FLOAT_EQ(a.appear_alpha(salvador), 1.0f);
    a.act({{"type", "pause"}});
    EXPECT_FALSE(a.playing());
    EXPECT_EQ(a.state()["timeline"]["year"], 2015);
}

TEST(Statistics, CumulativeMembersPerFieldEqualTheData) {
    auto r = test::shipped_data();
    const Dataset& d = r.dataset;
    const MembersPerYear m = members_per_year(d, Filter::all(d));
    const json cities = raw("cities.json")["cities"];
    for (int year : {2004, 2010, 2015, 2017, 2019, 2021, 2023, 2025}) {
        for (std::size_t s = 0; s < m.series.size(); ++s) {
            if (m.series[s].field < 0) continue;
            const std::string field = d.fields[m.series[s].field].id;
            int expected = 0;
            for (const auto& c : cities)
                for (const auto& g : c["designations"])
                    if (g.value("field", "") == field && g.value("status", "current") != "former" && g["year"].get<int>() <= year) {
                        ++expected;
                        break;
                    }
            EXPECT_EQ(m.cumulative[year - m.first_year][s], expected) << field << " " << year;
        }
    }
    // 2025: 408 current members over the eight fields, as published.
    int members = 0;
    for (std::size_t s = 0; s < m.series.size(); ++s)
        if (m.series[s].field >= 0) members += m.cumulative.back()[s];
    EXPECT_EQ(members, 408);
}
