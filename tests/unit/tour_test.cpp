// Tours (core/tour.h): the shipped tours validate, each step gives exactly the view it names,
// captions' counts match the map, bad tours are reported by file, step and reason, and links
// and presenter mode carry the tour.
#include <gtest/gtest.h>

#include <regex>

#include "core/atlas.h"
#include "test_data.h"

using namespace atlas;
using json = nlohmann::json;

namespace {
Atlas fresh() { return test::shipped_atlas(); }
// Runs the timeline and the camera to their ends.
void settle(Atlas& a) {
    for (int i = 0; i < 20000 && (a.camera().moving() || a.playing()); ++i) a.update(1.0 / 30);
}
const std::string kTour = R"({"format":"atlas-sur/tours","version":1,"tours":[)";
LoadResult with_tour(const std::string& tours) {
    std::vector<Problem> problems;
    std::vector<DataFile> files = read_data_dir(ATLAS_DATA_DIR, problems);
    files.push_back({"my-tour.json", kTour + tours + "]}"});
    return load_files(files);
}
std::vector<std::string> messages(const LoadResult& r) {
    std::vector<std::string> out;
    for (const auto& p : r.problems) out.push_back(p.to_string());
    return out;
}
bool says(const LoadResult& r, const std::string& text) {
    for (const auto& m : messages(r))
        if (m.find(text) != std::string::npos) return true;
    return false;
}
}  // namespace

TEST(Tours, TheShippedToursValidateInEveryLanguage) {
    const LoadResult r = test::shipped_data_with_tours();
    for (const auto& p : r.problems) ADD_FAILURE() << p.to_string();
    ASSERT_EQ(r.dataset.tours.size(), 3u);
    for (const Tour& t : r.dataset.tours) {
        EXPECT_GE(t.steps.size(), 5u) << t.id;
        for (const char* lang : {"en", "es", "fr"}) {
            EXPECT_TRUE(t.title.by_language.count(lang)) << t.id << " " << lang;
            for (const TourStep& s : t.steps) {
                EXPECT_TRUE(s.title.by_language.count(lang)) << t.id << " " << lang;
                EXPECT_TRUE(s.caption.by_language.count(lang)) << t.id << " " << lang;
            }
        }
    }
}

TEST(Tours, EachStepGivesExactlyTheViewItNames) {
    const LoadResult data = test::shipped_data_with_tours();
    for (const Tour& t : data.dataset.tours)
        for (int k = 0; k < int(t.steps.size()); ++k) {
            SCOPED_TRACE(t.id + " step " + std::to_string(k + 1));
            Atlas a = fresh();
            a.act({{"type", "select"}, {"id", "de-berlin"}});  // what the person had before the tour
            a.act({{"type", "filter"}, {"fields", json::array({"Music"})}});
            ASSERT_FALSE(a.act({{"type", "tour"}, {"id", t.id}, {"step", k + 1}}).contains("error"));
            settle(a);
            const TourStep& s = t.steps[k];
            const ViewState v = a.view();
            const ViewState d = a.default_view();
            EXPECT_EQ(*v.fields, s.view.fields.value_or(*d.fields));
            EXPECT_EQ(*v.networks, s.view.networks.value_or(*d.networks));
            EXPECT_EQ(*v.region, s.view.region.value_or(*d.region));
            EXPECT_EQ(*v.selected, s.view.selected.value_or(""));
            EXPECT_EQ(*v.network, s.view.network.value_or(""));
            EXPECT_EQ(*v.timeline_year, s.play_to ? *s.play_to : s.view.timeline_year.value_or(a.last_year()));
            EXPECT_EQ(a.state()["tour"], (json{{"id", t.id}, {"step", k + 1}, {"steps", int(t.steps.size())}}));
            for (const auto& id : s.fit) {  // framed cities are on screen, above the caption bar
                const json p = a.screen_position(id);
                if (p["inset"].get<bool>()) continue;
                EXPECT_TRUE(p["onScreen"].get<bool>()) << id;
                EXPECT_LT(p["y"].get<double>(), 800 - 200) << id;
            }
        }
}

// The growth tour's captions say how many cities there are after each round: the map must agree.
TEST(Tours, TheGrowthTourSaysTheCountsTheMapShows) {
    Atlas a = fresh();
    const int t = a.data().find_tour("creative-cities-growth");
    ASSERT_GE(t, 0);
    const auto& steps = a.data().tours[t].steps;
    const std::regex total(R"((\d+) in all|the first (\d+) cities)");
    for (int k = 0; k < int(steps.size()); ++k) {
        a.act({{"type", "tour"}, {"id", "creative-cities-growth"}, {"step", k + 1}});
        EXPECT_TRUE(a.playing());
        settle(a);
        std::smatch m;
        const std::string text = steps[k].title.in("en") + " " + steps[k].caption.in("en");
        ASSERT_TRUE(std::regex_search(text, m, total)) << text;
        const int said = std::stoi(m[1].matched ? m[1].str() : m[2].str());
        EXPECT_EQ(a.state()["counts"]["visible"].get<int>(), said) << "step " << k + 1 << ": " << text;
    }
}

TEST(Tours, StepsMoveWithinTheTourAndLeavingKeepsTheMap) {
    Atlas a = fresh();
    EXPECT_TRUE(a.act({{"type", "tourNext"}}).contains("error"));  // no tour running
    a.act({{"type", "tour"}, {"id", "mexican-creative-network"}});
    EXPECT_EQ(a.tour_step(), 0);
    a.act({{"type", "tourPrev"}});
    EXPECT_EQ(a.tour_step(), 0);  // nothing before the first
    const int steps = int(a.data().tours[a.tour()].steps.size());
    for (int i = 0; i < steps + 2; ++i) a.act({{"type", "tourNext"}});
    EXPECT_EQ(a.tour_step(), steps - 1);  // nor after the last
    settle(a);
    const ViewState before = a.view();
    a.act({{"type", "tourExit"}});
    EXPECT_TRUE(a.state()["tour"].is_null());
    ViewState after = a.view();
    after.tour = before.tour, after.tour_step = before.tour_step;
    EXPECT_EQ(after, before);  // the map stays where the tour left it
    EXPECT_TRUE(a.act({{"type", "tour"}, {"id", "no-such-tour"}}).contains("error"));
    EXPECT_TRUE(a.act({{"type", "tour"}, {"id", "mexican-creative-network"}, {"step", 99}}).contains("error"));
}

TEST(Tours, ALinkAtAStepIsShortAndOpensThatStep) {
    Atlas a = fresh();
    a.act({{"type", "tour"}, {"id", "heritage-sustainable-tourism"}, {"step", 4}});
    a.act({{"type", "presenter"}, {"on", true}});
    settle(a);
    const std::string link = a.view_link();
    EXPECT_NE(link.find("tour=heritage-sustainable-tourism"), std::string::npos) << link;
    EXPECT_NE(link.find("step=4"), std::string::npos) << link;
    EXPECT_NE(link.find("p=1"), std::string::npos) << link;
    EXPECT_EQ(link.find("s=mx-mexico-city"), std::string::npos) << "the step's own parts are left out: " << link;

    Atlas b = fresh();
    const json opened = b.act({{"type", "viewFromUrl"}, {"hash", link}});
    EXPECT_EQ(opened["viewNotices"], json::array()) << link;
    settle(b);
    EXPECT_EQ(b.state()["tour"]["step"], 4);
    EXPECT_EQ(b.state()["selected"], "mx-mexico-city");
    EXPECT_TRUE(b.presenter());
    EXPECT_EQ(rounded_for_url(b.view()), rounded_for_url(a.view()));

    // A link without a tour leaves the tour.
    b.act({{"type", "viewFromUrl"}, {"hash", "s=mx-puebla"}});
    EXPECT_TRUE(b.state()["tour"].is_null());
    EXPECT_FALSE(b.presenter());
}

TEST(Tours, PresenterModeAndBlanking) {
    Atlas a = fresh();
    EXPECT_FALSE(a.state()["presenter"].get<bool>());
    a.act({{"type", "presenter"}, {"on", true}});
    a.act({{"type", "blank"}, {"on", true}});
    EXPECT_TRUE(a.state()["blank"].get<bool>());
    a.act({{"type", "presenter"}, {"on", false}});
    EXPECT_FALSE(a.state()["blank"].get<bool>());  // leaving presenter mode never leaves a blank screen
    EXPECT_TRUE(a.act({{"type", "presenter"}, {"on", "yes"}}).contains("error"));
}

TEST(Tours, BadToursAreReportedByFileStepAndReason) {
    const std::string good_step = R"({"title":{"en":"Puebla","es":"Puebla","fr":"Puebla"},"view":{"selected":"mx-puebla"}})";
    {  // one bad step: reported, and the rest of the tour loads
        const LoadResult r = with_tour(R"({"id":"t","title":{"en":"T","es":"T","fr":"T"},"steps":[)" + good_step +
                                       R"(,{"title":{"en":"X","es":"X","fr":"X"},"view":{"selected":"xx-atlantis"}}]})");
        EXPECT_TRUE(says(r, "my-tour.json: /tours/0/steps/1/view (t step 2): view: no city with id \"xx-atlantis\"")) << ::testing::PrintToString(messages(r));
        ASSERT_EQ(r.dataset.tours.size(), 1u);
        EXPECT_EQ(r.dataset.tours[0].steps.size(), 1u);
    }
    {  // unknown field, unknown city to fit, wrong types
        const LoadResult r = with_tour(R"({"id":"t","title":{"en":"T","es":"T","fr":"T"},"steps":[)" + good_step +
                                       R"(,{"title":{"en":"X"},"view":{"fields":["poetry"]}},)"
                                       R"({"title":{"en":"Y"},"fit":["mx-puebla","nowhere"]},)"
                                       R"({"title":"Z"},{"title":{"en":"W"},"seconds":"slow","transition":"warp"},)"
                                       R"({"title":{"en":"V"},"play":{"from":2020,"to":2010}}]})");
        EXPECT_TRUE(says(r, "(t step 2): view: unknown creative field \"poetry\""));
        EXPECT_TRUE(says(r, "(t step 3): fit: no city with id \"nowhere\""));
        EXPECT_TRUE(says(r, "(t step 4): title: expected an object of texts by language"));
        EXPECT_TRUE(says(r, "(t step 5): seconds: expected a number in 0..20, got a string"));
        EXPECT_TRUE(says(r, "(t step 5): transition: expected \"fly\" or \"cut\", got \"warp\""));
        EXPECT_TRUE(says(r, "/tours/0/steps/5/play/to (t step 6): to: must not be before \"from\" (2020)"));
        EXPECT_TRUE(says(r, "(t step 2): warning: title: no text in \"es\""));
        ASSERT_EQ(r.dataset.tours.size(), 1u);
        EXPECT_EQ(r.dataset.tours[0].steps.size(), 1u);
    }
    {  // empty steps, steps not an array: the tour does not load, the data does
        const LoadResult r = with_tour(R"({"id":"empty","title":{"en":"E"},"steps":[]},{"id":"odd","title":{"en":"O"},"steps":{}})");
        EXPECT_TRUE(says(r, "(empty): steps: a tour needs 1 to 200 steps, it has 0"));
        EXPECT_TRUE(says(r, "(odd): steps: expected an array, got an object"));
        EXPECT_TRUE(r.dataset.tours.empty());
        EXPECT_EQ(r.dataset.cities.size(), test::shipped_data().dataset.cities.size());
    }
    {  // every step bad
        const LoadResult r = with_tour(R"({"id":"all-bad","title":{"en":"B"},"steps":[{"title":{"en":"X"},"view":{"network":"nope"}}]})");
        EXPECT_TRUE(says(r, "(all-bad): steps: no valid step: the tour was not loaded"));
        EXPECT_TRUE(r.dataset.tours.empty());
    }
}
