// Themes (core/theme.h): the shipped themes are complete and readable, a broken one is reported and
// not offered, and the theme is part of the view and its link.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/atlas.h"
#include "core/theme.h"
#include "test_data.h"

using namespace atlas;

namespace {
std::string shipped_themes() {
    std::ifstream in(ATLAS_SOURCE_DIR "/assets/themes/themes.json");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
// WCAG 2.x relative luminance and contrast ratio.
double luminance(Color c) {
    auto lin = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}
double contrast(Color a, Color b) {
    const double x = luminance(a), y = luminance(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}
}  // namespace

TEST(Themes, TheShippedThemesAreCompleteAndTheirTextIsReadable) {
    std::vector<Problem> problems;
    const auto themes = load_themes(shipped_themes(), "themes.json", problems);
    for (const auto& p : problems) ADD_FAILURE() << p.to_string();
    ASSERT_EQ(themes.size(), 3u);
    EXPECT_EQ(themes[0].id, "light");
    for (const Theme& t : themes) {
        SCOPED_TRACE(t.id);
        EXPECT_EQ(t.colors.size(), theme_color_names().size());
        // WCAG AA for text (4.5:1) on the panels, the title bars, the cards and the labels' halo.
        EXPECT_GE(contrast(t.color("ui.text"), t.color("ui.panel")), 4.5);
        EXPECT_GE(contrast(t.color("ui.text"), t.color("ui.titleBar")), 4.5);
        EXPECT_GE(contrast(t.color("ui.muted"), t.color("ui.panel")), 4.5);
        EXPECT_GE(contrast(t.color("ui.cardText"), t.color("ui.card")), 4.5);
        EXPECT_GE(contrast(t.color("ui.labelText"), t.color("ui.labelHalo")), 4.5);
        EXPECT_GE(contrast(t.color("ui.link"), t.color("ui.panel")), 4.5);
        EXPECT_GE(contrast(t.color("ui.attributionText"), t.color("ui.attribution")), 4.5);
        EXPECT_GE(contrast(t.color("ui.accentText"), t.color("ui.accent")), 4.5);
        EXPECT_GE(contrast(t.color("map.clusterText"), t.color("map.clusterFill")), 4.5);  // a cluster's count
    }
    // High contrast means it: 7:1 (WCAG AAA) for text.
    EXPECT_GE(contrast(themes[2].color("ui.text"), themes[2].color("ui.panel")), 7.0);
}

TEST(Themes, ABrokenThemeIsReportedAndNotOffered) {
    std::vector<Problem> problems;
    const auto themes = load_themes(R"({"format":"atlas-sur/themes","version":1,"themes":[
        {"id":"half","name":{"en":"Half"},"base":"light","colors":{"map.ocean":"#123456","ui.text":"blue"}},
        {"id":"odd","name":{"en":"Odd"},"base":"sepia","colors":{}}]})", "themes.json", problems);
    EXPECT_TRUE(themes.empty());
    auto says = [&](const std::string& text) {
        for (const auto& p : problems)
            if (p.to_string().find(text) != std::string::npos) return true;
        return false;
    };
    EXPECT_TRUE(says("themes.json: /themes/0/colors (half): colors: no colour for \"map.background\""));
    EXPECT_TRUE(says("(half): colors: expected a colour like \"#E69F00\" for \"ui.text\""));
    EXPECT_TRUE(says("(odd): base: expected \"light\" or \"dark\", got \"sepia\""));
    problems.clear();
    EXPECT_TRUE(load_themes("{not json", "themes.json", problems).empty());
    EXPECT_FALSE(problems.empty());
}

TEST(Themes, TheThemeIsPartOfTheViewAndItsLink) {
    Atlas a(test::shipped_data());
    a.set_themes({"light", "dark", "high-contrast"});
    EXPECT_EQ(a.state()["theme"], "light");
    EXPECT_TRUE(a.act({{"type", "theme"}, {"id", "sepia"}}).contains("error"));
    a.act({{"type", "theme"}, {"id", "dark"}});
    EXPECT_NE(a.view_link().find("th=dark"), std::string::npos) << a.view_link();
    Atlas b(test::shipped_data());
    b.set_themes({"light", "dark", "high-contrast"});
    const auto s = b.act({{"type", "viewFromUrl"}, {"hash", "th=high-contrast&s=mx-puebla"}});
    EXPECT_EQ(s["theme"], "high-contrast");
    const auto bad = b.act({{"type", "viewFromUrl"}, {"hash", "th=sepia"}});
    EXPECT_EQ(bad["theme"], "high-contrast");  // a link without a usable theme keeps the reader's
    EXPECT_EQ(bad["viewNotices"].size(), 1u);
}
