// The view and its two written forms: JSON and the link. A property test over random views, the
// hostile-link corpus, and applying views to an atlas.
#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "core/atlas.h"
#include "core/view_state.h"
#include "test_data.h"

using namespace atlas;
using json = nlohmann::json;

namespace {
Atlas shipped() {
    Atlas a(test::shipped_data());
    a.set_viewport({1280, 800}, {.left = 372});
    a.set_languages({"en", "es", "fr"});
    return a;
}
void settle(Atlas& a) {
    for (int i = 0; i < 2000 && a.camera().moving(); ++i) a.camera().update(1.0 / 60);
}

// A random view, every part present or not, numbers on the link's precision grid.
ViewState random_view(std::mt19937& rng) {
    auto coin = [&] { return std::uniform_int_distribution<int>(0, 1)(rng) == 1; };
    auto pick = [&](std::initializer_list<const char*> xs) { return std::string(*(xs.begin() + std::uniform_int_distribution<int>(0, int(xs.size()) - 1)(rng))); };
    auto id = [&] {
        static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789-_:.";
        std::string s(std::uniform_int_distribution<int>(1, 40)(rng), 'a');
        for (char& c : s) c = alphabet[std::uniform_int_distribution<int>(0, sizeof alphabet - 2)(rng)];
        return s;
    };
    auto ids = [&] {
        std::vector<std::string> v(std::uniform_int_distribution<int>(0, 6)(rng));
        for (auto& s : v) s = id();
        return v;
    };
    ViewState v;
    if (coin()) {
        v.lon = std::uniform_real_distribution<double>(-180, 180)(rng);
        v.lat = std::uniform_real_distribution<double>(-90, 90)(rng);
        v.zoom = std::exp(std::uniform_real_distribution<double>(0, std::log(400.0))(rng));
    }
    if (coin()) v.fields = ids();
    if (coin()) v.networks = ids();
    if (coin()) v.region = pick({"world", "global-south", "mexico"});
    if (coin()) v.include_former = coin();
    if (coin()) {
        const int a = std::uniform_int_distribution<int>(1900, 2100)(rng), b = std::uniform_int_distribution<int>(1900, 2100)(rng);
        v.year_from = std::min(a, b), v.year_to = std::max(a, b);
    }
    if (coin()) v.timeline_year = std::uniform_int_distribution<int>(1900, 2100)(rng);
    if (coin()) v.selected = coin() ? "" : id();
    if (coin()) v.network = coin() ? "" : id();
    if (coin()) v.network_style = pick({"hub", "pairs"});
    if (coin()) v.language = pick({"en", "es", "fr", "pt"});
    if (coin()) v.tour = coin() ? "" : id();
    if (coin()) v.tour_step = std::uniform_int_distribution<int>(1, 200)(rng);
    if (coin()) v.presenter = coin();
    if (coin()) v.theme = pick({"light", "dark", "high-contrast"});
    return rounded_for_url(v);
}

std::vector<std::string> hostile_links() {
    std::ifstream in(ATLAS_SOURCE_DIR "/tests/view/hostile_links.txt");
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') out.push_back(line);
    return out;
}
}  // namespace

TEST(ViewState, RandomViewsSurviveTheLinkAndJson) {
    std::mt19937 rng(20261129);
    std::size_t longest = 0;
    for (int i = 0; i < 5000; ++i) {
        const ViewState v = random_view(rng);
        std::vector<std::string> notices;
        const std::string url = view_to_url(v);
        longest = std::max(longest, url.size());
        EXPECT_EQ(view_from_url(url, notices), v) << url;
        EXPECT_EQ(view_from_json(view_to_json(v), notices), v) << view_to_json(v).dump();
        ASSERT_TRUE(notices.empty()) << url << ": " << notices.front();
    }
    EXPECT_LT(longest, 2000u);
}

TEST(ViewState, TheLongestPossibleLinkStaysShort) {
    // Every part at its longest: 64 ids of 80 bytes are refused by the link's own limit, so a real
    // view (the data's own ids) is what must fit. All fields and groups of the shipped data:
    Atlas a = shipped();
    a.act({{"type", "select"}, {"id", "mx-san-cristobal-de-las-casas"}});
    const std::string url = view_to_url(rounded_for_url(a.view()));
    EXPECT_LT(url.size(), 2000u) << url;
}

TEST(ViewState, HostileLinksGiveNoticesAndKeepTheRest) {
    const auto corpus = hostile_links();
    ASSERT_GT(corpus.size(), 30u);
    Atlas a = shipped();
    for (const auto& hash : corpus) {
        std::vector<std::string> notices;
        const ViewState v = view_from_url(hash, notices);
        // Whatever was read is well formed, so it writes back into a link that reads without notices.
        std::vector<std::string> again;
        EXPECT_EQ(view_from_url(view_to_url(v), again), v) << hash;
        EXPECT_TRUE(again.empty()) << hash;
        const json s = a.act({{"type", "viewFromUrl"}, {"hash", hash}});
        ASSERT_FALSE(s.contains("error")) << hash << ": " << s.dump();
        EXPECT_FALSE(s["viewNotices"].empty()) << "no notice for " << hash;
    }
}

TEST(ViewState, NoticesNameThePart) {
    std::vector<std::string> n;
    ViewState v = view_from_url("#c=0,0,1e308&s=mx-puebla&lang=es&wat=1&y=2019-2004", n);
    EXPECT_EQ(v.selected, "mx-puebla");
    EXPECT_EQ(v.language, "es");
    EXPECT_FALSE(v.zoom.has_value());
    ASSERT_EQ(n.size(), 3u);
    EXPECT_NE(n[0].find("zoom"), std::string::npos) << n[0];
    EXPECT_NE(n[1].find("\"wat\""), std::string::npos) << n[1];
    EXPECT_NE(n[2].find("wrong order"), std::string::npos) << n[2];
    n.clear();
    view_from_url("s=%3Cscript%3E", n);
    ASSERT_EQ(n.size(), 1u);
    EXPECT_NE(n[0].find("not an id"), std::string::npos);
    n.clear();
    view_from_url("s=%zz", n);
    ASSERT_EQ(n.size(), 1u);
    EXPECT_NE(n[0].find("percent-encoding"), std::string::npos);
}

TEST(ViewState, AViewRestoresTheAtlasThatMadeIt) {
    Atlas a = shipped();
    a.act({{"type", "filter"}, {"fields", {"design", "music"}}, {"region", "global-south"}});
    a.act({{"type", "years"}, {"from", 2010}, {"to", 2021}});
    a.act({{"type", "year"}, {"year", 2017}});
    a.act({{"type", "select"}, {"id", "mx-guadalajara"}});
    a.act({{"type", "network"}, {"id", "twinning"}});
    a.act({{"type", "networkStyle"}, {"style", "hub"}});
    a.act({{"type", "language"}, {"lang", "es"}});
    a.act({{"type", "flyTo"}, {"id", "mx-guadalajara"}});
    settle(a);
    const std::string url = a.state()["viewUrl"];

    Atlas b = shipped();
    const json s = b.act({{"type", "viewFromUrl"}, {"hash", "#" + url}});
    ASSERT_FALSE(s.contains("error")) << s.dump();
    EXPECT_TRUE(s["viewNotices"].empty()) << s["viewNotices"].dump();
    const json sa = a.state();
    for (const char* key : {"filters", "selected", "network", "networkStyle", "language", "counts"})
        EXPECT_EQ(s[key], sa[key]) << key;
    EXPECT_EQ(s["timeline"]["year"], 2017);
    EXPECT_NEAR(s["camera"]["lon"].get<double>(), sa["camera"]["lon"].get<double>(), 1e-4);
    EXPECT_NEAR(s["camera"]["lat"].get<double>(), sa["camera"]["lat"].get<double>(), 1e-4);
    EXPECT_NEAR(s["camera"]["zoom"].get<double>() / sa["camera"]["zoom"].get<double>(), 1.0, 1e-3);
    EXPECT_EQ(b.state()["viewUrl"], url);
}

TEST(ViewState, PartsThatDoNotExistAreSkippedTheRestApplies) {
    Atlas a = shipped();
    const json s = a.act({{"type", "view"}, {"view", {{"selected", "xx-atlantis"}, {"fields", {"music", "juggling"}},
                                                      {"year", 1950}, {"network", "twinning"}, {"language", "de"}}}});
    ASSERT_FALSE(s.contains("error")) << s.dump();
    EXPECT_TRUE(s["selected"].is_null());
    EXPECT_EQ(s["filters"]["fields"], json({"Music"}));
    EXPECT_EQ(s["network"], "twinning");
    EXPECT_EQ(s["language"], "en");
    EXPECT_EQ(s["viewNotices"].size(), 4u) << s["viewNotices"].dump();
}

TEST(ViewState, CameraOnlyChangesAreNotSteps) {
    Atlas a = shipped();
    const ViewState before = a.view();
    a.act({{"type", "pan"}, {"dx", 100}, {"dy", 0}});
    settle(a);
    EXPECT_TRUE(a.view().same_except_camera(before));
    EXPECT_NE(a.view(), before);
    a.act({{"type", "select"}, {"id", "mx-puebla"}});
    EXPECT_FALSE(a.view().same_except_camera(before));
}

TEST(ViewState, LanguageIsOneOfTheCatalogues) {
    Atlas a = shipped();
    EXPECT_EQ(a.act({{"type", "language"}, {"lang", "fr"}})["language"], "fr");
    EXPECT_TRUE(a.act({{"type", "language"}, {"lang", "de"}}).contains("error"));
    EXPECT_EQ(a.state()["language"], "fr");
}

TEST(ViewState, ALinkWithMorePrecisionReadsAsWhatItWritesBack) {
    // Found by fuzz_view_url: 27 decimals of latitude read, then written with 5.
    std::vector<std::string> n;
    const ViewState v = view_from_url("c=-99.13300,19.433555555555555555555555500,4.2", n);
    ASSERT_TRUE(n.empty());
    EXPECT_DOUBLE_EQ(*v.lat, 19.43356);
    EXPECT_EQ(view_from_url(view_to_url(v), n), v);
}

TEST(ViewState, LinksLeaveOutWhatIsAtItsDefaultAndReadersFillItIn) {
    Atlas a = shipped();
    std::string link = a.view_link();
    EXPECT_EQ(link.find("f="), std::string::npos) << link;  // all fields: not written
    EXPECT_LT(link.size(), 60u) << link;
    a.act({{"type", "filter"}, {"fields", {"music"}}});
    a.act({{"type", "select"}, {"id", "mx-morelia"}});
    link = a.view_link();
    EXPECT_NE(link.find("f=music"), std::string::npos) << link;
    // Going back to a link without f (all fields) must show all fields again, not keep music.
    Atlas b = shipped();
    const std::string start = b.view_link();
    a.act({{"type", "viewFromUrl"}, {"hash", start}});
    EXPECT_EQ(a.state()["filters"], b.state()["filters"]);
    EXPECT_TRUE(a.state()["selected"].is_null());
    EXPECT_EQ(a.view_link(), start);
}
