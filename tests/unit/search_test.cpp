// Search: folding, one-edit tolerance, and the ranking on a table of queries over the shipped data.
#include <gtest/gtest.h>

#include <chrono>

#include "core/atlas.h"
#include "core/i18n.h"
#include "core/search.h"
#include "test_data.h"

using namespace atlas;
using json = nlohmann::json;

TEST(Search, FoldRemovesCaseAndAccents) {
    EXPECT_EQ(fold("Querétaro"), "queretaro");
    EXPECT_EQ(fold("SÃO PAULO"), "sao paulo");
    EXPECT_EQ(fold("Łódź"), "lodz");
    EXPECT_EQ(fold("Hà Nội"), "ha noi");
    EXPECT_EQ(fold("Ṭāʼif"), "taif");
    EXPECT_EQ(fold("Straße"), "strasse");
    EXPECT_EQ(fold("Œuvre"), "oeuvre");
    EXPECT_EQ(fold("Tel Aviv-Yafo"), "tel aviv yafo");
    EXPECT_EQ(fold("  San   Cristóbal  "), "san cristobal");
    EXPECT_EQ(fold("\xff\xfe broken"), "\uFFFD\uFFFD broken");  // invalid UTF-8: replacement characters, no crash
}

TEST(Search, OneEditAway) {
    EXPECT_TRUE(within_one_edit("guadalajara", "guadalajra"));  // deletion
    EXPECT_TRUE(within_one_edit("merida", "nerida"));           // substitution
    EXPECT_TRUE(within_one_edit("morelia", "moerlia"));         // swap
    EXPECT_TRUE(within_one_edit("puebla", "pueblaa"));          // insertion
    EXPECT_FALSE(within_one_edit("puebla", "pubela x"));
    EXPECT_FALSE(within_one_edit("abc", "cab"));
}

namespace {
struct Case {
    const char* query;
    const char* first;  // the expected first result
    const char* why;
};
Atlas searchable() {
    Atlas a(test::shipped_data());
    a.set_viewport({1280, 800});
    std::vector<Problem> problems;
    Catalogues cats = load_catalogues(ATLAS_SOURCE_DIR "/assets/i18n", problems);
    std::vector<std::pair<int, std::string>> fields;
    cats.each([&](const Catalogue& c) {
        for (std::size_t k = 0; k < a.data().fields.size(); ++k)
            fields.push_back({int(k), c.lookup("field:" + a.data().fields[k].id, a.data().fields[k].name)});
    });
    // Country names in the other languages, as the app gives them from countries.json.
    a.set_search_names({{"BR", "Brasil"}, {"BR", "Brésil"}, {"KR", "Corée du Sud"}, {"MX", "México"}, {"MX", "Mexique"}}, fields);
    return a;
}
}  // namespace

TEST(Search, RankingOnATableOfQueries) {
    Atlas a = searchable();
    const Case cases[] = {
        {"queretaro", "mx-queretaro", "name"},      {"QUERÉTARO", "mx-queretaro", "name"},
        {"sao paulo", "br-sao-paulo", "name"},      {"krakow", "pl-krakow", "name"},
        {"lodz", "pl-lodz", "name"},                {"bogota", "co-bogota", "name"},
        {"guadalajra", "mx-guadalajara", "one letter off"}, {"queretro", "mx-queretaro", "one letter off"},
        {"ha noi", "vn-hanoi", "name"},    {"puebl", "mx-puebla", "name"},          {"hanoy", "vn-hanoi", "one letter off"},
        {"mexico", "mx-mexico-city", "name"},       {"ciudad de mex", "mx-mexico-city", "name"},
        {"música", "mx-mexicali", "field"},         {"gastronomie", "mx-ensenada", "field"},
        {"gastronomy", "mx-ensenada", "field"},     {"artes digitales", "mx-guadalajara", "field"},
        {"brasil", "br-brasilia", "name"},          {"brésil", "br-belem", "country"},
        {"corée", "kr-bucheon", "country"},         {"mexique", "mx-mexico-city", "country"},      {"san cristobal", "mx-san-cristobal-de-las-casas", "name"},
    };
    for (const auto& c : cases) {
        const json s = a.act({{"type", "search"}, {"query", c.query}});
        ASSERT_FALSE(s.contains("error")) << c.query;
        const json& r = s["search"]["results"];
        ASSERT_FALSE(r.empty()) << c.query;
        EXPECT_EQ(r[0]["id"], c.first) << c.query << " gave " << r.dump().substr(0, 300);
        EXPECT_EQ(r[0]["why"], c.why) << c.query;
        EXPECT_LE(r.size(), 10u);
    }
    EXPECT_TRUE(a.act({{"type", "search"}, {"query", ""}})["search"]["results"].empty());
    EXPECT_TRUE(a.act({{"type", "search"}, {"query", "zzzzqqq"}})["search"]["results"].empty());
}

TEST(Search, AHiddenCityIsFoundAndSaysWhichFilterHidesIt) {
    Atlas a = searchable();
    a.act({{"type", "filter"}, {"fields", {"music"}}, {"networks", {"uccn"}}});
    a.act({{"type", "year"}, {"year", 2016}});
    json s = a.act({{"type", "search"}, {"query", "queretaro"}});
    const json r = s["search"]["results"][0];
    // Design 2019 and World Heritage 1996: the heritage group alone would show it.
    EXPECT_EQ(r["id"], "mx-queretaro");
    EXPECT_EQ(r["hiddenBy"], json({"groups"})) << r.dump();
    s = a.act({{"type", "reveal"}, {"id", "mx-queretaro"}});
    EXPECT_TRUE(a.is_visible(a.data().find_city("mx-queretaro")));
    EXPECT_TRUE(s["search"]["results"][0]["hiddenBy"].empty());
    EXPECT_NE(std::find(s["filters"]["fields"].begin(), s["filters"]["fields"].end(), "Music"), s["filters"]["fields"].end())
        << "the filters the user chose stay, widened only";
}

TEST(Search, ScalesTo100000Cities) {
    // 100,000 synthetic cities: the index is built once; a query must take well under a frame.
    Dataset d = test::shipped_data().dataset;
    const std::size_t n0 = d.cities.size();
    for (std::size_t i = 0; d.cities.size() < 100000; ++i) {
        City c = d.cities[i % n0];
        c.id = "synthetic-" + std::to_string(i);
        c.name += " " + std::to_string(i);
        c.local_name += " " + std::to_string(i);
        d.cities.push_back(std::move(c));
    }
    Atlas a(std::move(d));
    a.act({{"type", "search"}, {"query", "warmup"}});  // builds the index
    const auto t0 = std::chrono::steady_clock::now();
    const json s = a.act({{"type", "search"}, {"query", "queretaro"}});
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_EQ(s["search"]["results"][0]["id"], "mx-queretaro");
    std::printf("search on %zu cities: %.1f ms (including the state)\n", a.data().cities.size(), ms);
}
