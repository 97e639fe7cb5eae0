#include <gtest/gtest.h>

#include "core/atlas.h"
#include "test_data.h"

using namespace atlas;
using json = nlohmann::json;

namespace {
Atlas three() {
    Atlas a(test::dataset_with(test::three_cities()).dataset);
    a.set_viewport({1280, 800});
    return a;
}
void settle(Atlas& a) {
    for (int i = 0; i < 600 && a.camera().moving(); ++i) a.camera().update(1.0 / 60);
}
}  // namespace

TEST(AtlasActions, FilterByFieldNameChangesCounts) {
    Atlas a = three();
    EXPECT_EQ(a.state()["counts"]["visible"], 3);
    json s = a.act({{"type", "filter"}, {"fields", {"Music"}}});
    ASSERT_FALSE(s.contains("error")) << s.dump();
    EXPECT_EQ(s["counts"]["visible"], 2);  // Salvador, and Puebla through its heritage designation
    EXPECT_EQ(s["filters"]["fields"], json({"Music"}));
    s = a.act({{"type", "filter"}, {"networks", {"uccn"}}});
    EXPECT_EQ(s["counts"]["visible"], 1);
    EXPECT_EQ(a.visible_cities()[0]["id"], "br-salvador");
}

TEST(AtlasActions, YearsSelectAndReset) {
    Atlas a = three();
    json s = a.act({{"type", "years"}, {"from", 2004}, {"to", 2010}});
    EXPECT_EQ(s["counts"]["visible"], 1);
    s = a.act({{"type", "select"}, {"id", "mx-puebla"}});
    EXPECT_EQ(s["selected"], "mx-puebla");
    s = a.act({{"type", "reset"}});
    EXPECT_EQ(s["counts"]["visible"], 3);
    EXPECT_TRUE(s["selected"].is_null());
    EXPECT_EQ(s["filters"]["yearFrom"], 1987);
}

TEST(AtlasActions, MalformedActionsReturnErrorsAndChangeNothing) {
    Atlas a = three();
    const json before = a.state();
    for (const json& bad : {json(42), json::parse("{}"), json::parse(R"({"type":"explode"})"),
                            json::parse(R"({"type":"filter","fields":"Design"})"),
                            json::parse(R"({"type":"filter","fields":["Dance"]})"),
                            json::parse(R"({"type":"filter","region":"mars"})"),
                            json::parse(R"({"type":"years","from":2020,"to":2010})"),
                            json::parse(R"({"type":"years","from":"2004"})"),
                            json::parse(R"({"type":"select","id":7})"),
                            json::parse(R"({"type":"select","id":"xx-nowhere"})"),
                            json::parse(R"({"type":"flyTo"})"),
                            json::parse(R"({"type":"zoom","factor":-1})")}) {
        json r = a.act(bad);
        EXPECT_TRUE(r.contains("error") && r["error"].is_string()) << bad.dump();
    }
    EXPECT_EQ(a.state(), before);
}

TEST(AtlasActions, FlyToCentresTheCity) {
    Atlas a = three();
    a.act({{"type", "flyTo"}, {"id", "br-salvador"}});
    settle(a);
    json p = a.screen_position("br-salvador");
    EXPECT_NEAR(p["x"].get<double>(), 640, 0.5);
    EXPECT_NEAR(p["y"].get<double>(), 400, 0.5);
    EXPECT_TRUE(p["onScreen"].get<bool>());
}

TEST(AtlasActions, PickSelectsWhatIsUnderTheScreenPosition) {
    Atlas a = three();
    a.act({{"type", "zoom"}, {"factor", 0.01}});  // the whole world
    settle(a);
    json p = a.screen_position("de-berlin");
    ASSERT_TRUE(p["onScreen"].get<bool>());
    EXPECT_EQ(a.pick({p["x"].get<double>() + 3, p["y"].get<double>() - 2}), a.data().find_city("de-berlin"));
    a.act({{"type", "filter"}, {"region", "global-south"}});
    EXPECT_EQ(a.pick({p["x"].get<double>(), p["y"].get<double>()}), -1);  // filtered out: not pickable
}

TEST(AtlasActions, StartViewFramesTheGlobalSouth) {
    Atlas a = three();
    for (const char* id : {"mx-puebla", "br-salvador"})
        EXPECT_TRUE(a.screen_position(id)["onScreen"].get<bool>()) << id;
}

// Dense links are drawn as bundles, which need no arcs: a link's arc is made when it is first drawn
// as one (25,000 arcs took 0.4 s of the web page's start), and stays made.
TEST(AtlasActions, LinkArcsAreMadeWhenFirstDrawnAsArcs) {
    std::string cities = "[", links = "[";
    constexpr int kCities = 40;  // 20 of Design, 20 of Music: 780 links in all, 190 among each field's
    for (int i = 0; i < kCities; ++i)
        cities += std::string(i ? "," : "") + R"({"id":"c)" + std::to_string(i) + R"(","name":"C)" + std::to_string(i) +
                  R"(","country":"MX","lat":)" + std::to_string(-30 + i) + R"(,"lon":)" + std::to_string(-100 + 4 * i) +
                  R"(,"designations":[{"network":"uccn","field":")" + (i % 2 ? "music" : "design") + R"(","year":2015}]})";
    for (int i = 0, n = 0; i < kCities; ++i)
        for (int j = i + 1; j < kCities; ++j, ++n)
            links += std::string(n ? "," : "") + R"({"id":"l)" + std::to_string(n) + R"(","from":"c)" + std::to_string(i) +
                     R"(","to":"c)" + std::to_string(j) + R"(","network":"twinning"})";
    const LoadResult loaded = test::dataset_with(cities + "]", links + "]");
    ASSERT_EQ(loaded.error_count(), 0) << loaded.problems.front().to_string();
    Atlas a(loaded.dataset);
    a.set_viewport({1280, 800});
    auto made = [&] {
        const auto& arcs = a.link_geometry().arcs;
        return std::count_if(arcs.begin(), arcs.end(), [](const Polylines& arc) { return !arc.empty(); });
    };
    ASSERT_EQ(a.drawn_links().size(), 780u);
    EXPECT_TRUE(a.links_bundled());
    EXPECT_EQ(made(), 0);

    a.act({{"type", "filter"}, {"fields", {"Design"}}});
    ASSERT_EQ(a.drawn_links().size(), 190u);
    EXPECT_FALSE(a.links_bundled());
    EXPECT_EQ(made(), 190);
    for (const DrawnLink& l : a.drawn_links()) {
        ASSERT_FALSE(l.arc->empty());
        EXPECT_GE(l.arc->front().size(), 2u);
        EXPECT_TRUE(a.data().cities[std::size_t(l.from)].designations[0].field == a.data().find_field("design"));
    }
    a.act({{"type", "filter"}, {"fields", {"Design", "Music"}}});
    EXPECT_TRUE(a.links_bundled());
    EXPECT_EQ(made(), 190);  // (kept)
}
