// Kiosk mode (core/kiosk.h) at a fast clock: countdown, reset and attract loop in that order; a
// touch during them only wakes the kiosk; the loop plays every tour in turn with its languages;
// a bad configuration is reported and keeps the defaults.
#include <gtest/gtest.h>

#include "core/kiosk.h"
#include "test_data.h"

using namespace atlas;
using json = nlohmann::json;

namespace {
Atlas fresh() { return test::shipped_atlas(); }
// Runs the kiosk and the atlas for `seconds` of a 10 Hz clock.
void run(Kiosk& k, Atlas& a, double seconds) {
    for (double t = 0; t < seconds; t += 0.1) {
        a.update(0.1);
        k.update(a, 0.1);
    }
}
}  // namespace

TEST(Kiosk, IdleThenCountdownThenResetThenAttractLoop) {
    Atlas a = fresh();
    KioskConfig c;
    c.idle_seconds = 2, c.countdown_seconds = 20, c.step_seconds = 2;
    c.languages = {"es", "fr"};
    Kiosk k(c);
    std::vector<std::string> log;
    k.on_log([&](const std::string& line) { log.push_back(line); });
    a.act({{"type", "select"}, {"id", "mx-puebla"}});  // a visitor left this
    a.act({{"type", "filter"}, {"fields", json::array({"Music"})}});
    run(k, a, 1.9);
    EXPECT_EQ(k.phase(), Kiosk::Phase::Exploring);
    run(k, a, 0.3);
    EXPECT_EQ(k.phase(), Kiosk::Phase::Countdown);
    EXPECT_NEAR(k.countdown_left(), 20, 0.3);
    run(k, a, 19.5);
    EXPECT_EQ(k.phase(), Kiosk::Phase::Countdown);
    EXPECT_EQ(a.state()["selected"], "mx-puebla");  // nothing reset yet
    run(k, a, 1);
    EXPECT_EQ(k.phase(), Kiosk::Phase::Attract);
    ASSERT_GE(log.size(), 2u);
    ASSERT_GE(log.size(), 3u);
    EXPECT_NE(log[0].find("the countdown starts"), std::string::npos) << log[0];
    EXPECT_NE(log[1].find("back to the start view"), std::string::npos) << log[1];
    EXPECT_NE(log[2].find("attract loop: the tour mexican-creative-network in es"), std::string::npos) << log[2];
    EXPECT_EQ(a.language(), "es");
    EXPECT_EQ(a.state()["tour"]["step"], 1);
    EXPECT_EQ(a.state()["filters"]["fields"].size(), a.data().fields.size());  // the visitor's filter is gone
    // The loop walks the steps, then the next tour in the next language.
    for (int i = 0; i < 2000 && a.tour() >= 0 && a.data().tours[a.tour()].id == "mexican-creative-network"; ++i) run(k, a, 1);
    EXPECT_EQ(a.data().tours[a.tour()].id, "heritage-sustainable-tourism");
    EXPECT_EQ(a.language(), "fr");
    EXPECT_EQ(k.state()["loops"], 2);
}

TEST(Kiosk, ATouchOnlyWakesTheKioskAndTheMapStaysWhereTheLoopWas) {
    Atlas a = fresh();
    KioskConfig c;
    c.idle_seconds = 5, c.countdown_seconds = 20, c.step_seconds = 2;
    Kiosk k(c);
    EXPECT_FALSE(k.touched(a));  // exploring: the touch does what it does
    run(k, a, 10);
    EXPECT_EQ(k.phase(), Kiosk::Phase::Countdown);
    EXPECT_TRUE(k.touched(a));  // "Touch to keep exploring": it only keeps the map
    EXPECT_EQ(k.phase(), Kiosk::Phase::Exploring);
    EXPECT_EQ(k.state()["resets"], 0);
    run(k, a, 5 + 20 + 7);
    ASSERT_EQ(k.phase(), Kiosk::Phase::Attract);
    const ViewState during = a.view();
    EXPECT_TRUE(k.touched(a));
    EXPECT_EQ(k.phase(), Kiosk::Phase::Exploring);
    EXPECT_TRUE(a.state()["tour"].is_null());
    ViewState after = a.view();
    after.tour = during.tour, after.tour_step = during.tour_step;
    EXPECT_EQ(after, during);
    run(k, a, 4);
    EXPECT_EQ(k.phase(), Kiosk::Phase::Exploring);  // the idle time starts again
}

TEST(Kiosk, ABadConfigurationIsReportedAndKeepsTheDefaults) {
    const Atlas a = fresh();
    std::vector<Problem> problems;
    const KioskConfig c = read_kiosk_config(json::parse(R"({"idleSeconds":"ten","countdownSeconds":5,
        "tours":["creative-cities-growth","atlantis"],"languages":["es","tlh"],"exitChrod":"ctrl+q"})"),
        "kiosk.json", a, problems);
    std::vector<std::string> text;
    for (const auto& p : problems) text.push_back(p.to_string());
    auto says = [&](const std::string& s) {
        for (const auto& t : text)
            if (t.find(s) != std::string::npos) return true;
        return false;
    };
    EXPECT_TRUE(says("kiosk.json: /kiosk/idleSeconds (kiosk): idleSeconds: expected a number in 1..86400, got a string")) << ::testing::PrintToString(text);
    EXPECT_TRUE(says("countdownSeconds: expected a number in 20..600, got 5"));
    EXPECT_TRUE(says("tours: no tour with id \"atlantis\""));
    EXPECT_TRUE(says("languages: no catalogue for the language \"tlh\""));
    EXPECT_TRUE(says("warning: exitChrod: unknown field (ignored)"));
    EXPECT_EQ(c.idle_seconds, 90);
    EXPECT_EQ(c.countdown_seconds, 20);
    EXPECT_EQ(c.tours, std::vector<std::string>{"creative-cities-growth"});
    EXPECT_EQ(c.languages, std::vector<std::string>{"es"});
}
