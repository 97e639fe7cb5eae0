// The start view frames its subject at every screen size a visitor or a presenter has: every city of
// the Global South and of Mexico is on screen, clear of the side column, the top bar, the bottom
// line and the inset of Mexico (Mexico's own cities are in the inset).
#include <gtest/gtest.h>

#include <string>

#include "core/filter.h"
#include "core/projection.h"
#include "test_data.h"

using namespace atlas;
using atlas::test::shipped_data_with_tours;

namespace {
struct Layout {
    int w, h;
    double left = 372, right = 68, top = 62, bottom = 40;  // the side column, the map's buttons, the top bar, the attribution
};

std::vector<std::string> hidden_cities(const Layout& l) {
    Atlas a(shipped_data_with_tours());
    a.set_viewport({double(l.w), double(l.h)}, {.left = l.left, .right = l.right, .top = l.top, .bottom = l.bottom});
    const Camera& cam = a.camera_controller().current();
    const Atlas::Inset& in = a.inset();
    std::vector<std::string> out;
    for (std::size_t i = 0; i < a.data().cities.size(); ++i) {
        const City& c = a.data().cities[i];
        if (!in_region(a.data(), c, Region::GlobalSouth) && !in_region(a.data(), c, Region::Mexico)) continue;
        const glm::dvec2 p = cam.to_screen(a.positions()[i]);
        const bool on_screen = p.x >= l.left + 4 && p.x <= l.w - l.right - 4 && p.y >= l.top + 4 && p.y <= l.h - l.bottom - 4;
        const bool under_inset = in.shown && in.rect.contains(float(p.x), float(p.y)) && c.country != "MX";
        if (!on_screen || under_inset)
            out.push_back(c.id + (on_screen ? " (under the inset)" : " (off screen)"));
    }
    return out;
}
}  // namespace

TEST(StartView, FramesTheGlobalSouthAndMexicoAtEverySize) {
    for (const Layout& l : {Layout{1280, 720}, Layout{1280, 800}, Layout{1366, 768}, Layout{1920, 1080}, Layout{2560, 1440}}) {
        const auto hidden = hidden_cities(l);
        std::string list;
        for (const auto& id : hidden) list += " " + id;
        EXPECT_TRUE(hidden.empty()) << l.w << "x" << l.h << ": " << hidden.size() << " cities hidden:" << list;
    }
}

// Phones (the sheet's layout): a search bar on top; the sheet at its peek, the attribution and the
// map's buttons at the bottom. Zoomed out as far as the map goes, the whole world is centred.
TEST(StartView, FramesThemOnPhones) {
    for (const Layout& l : {Layout{390, 844, 0, 0, 84, 246}, Layout{360, 640, 0, 0, 84, 246}, Layout{768, 1024, 0, 0, 84, 230}}) {
        const auto hidden = hidden_cities(l);
        std::string list;
        for (const auto& id : hidden) list += " " + id;
        EXPECT_TRUE(hidden.empty()) << l.w << "x" << l.h << ": " << hidden.size() << " cities hidden:" << list;
    }
}

TEST(StartView, AWorldAsWideAsTheScreenIsCentred) {
    Camera c;
    c.viewport = {390, 844};
    Bounds b;  // lopsided: most of the world, more of it west
    b.include({-equal_earth::kMaxX * 0.99, -1});
    b.include({equal_earth::kMaxX * 0.9, 1});
    c.fit(b, 24);
    EXPECT_NEAR(c.scale, c.min_scale(), 1e-9) << "zoomed out as far as it goes";
    EXPECT_NEAR(c.to_screen({0, 0}).x, 195, 0.5) << "the world in the middle, none of it off screen";
}

// An animated zoom past kInsetMaxZoom hides the inset once it ends, not at the frame it crosses
// (the web's pictures of a zoom could not show that: it would draw a frame mid-zoom); a zoom by
// hand (a pinch) hides it at once.
TEST(StartView, TheInsetGoesWhenAnAnimatedZoomEnds) {
    Atlas a(shipped_data_with_tours());
    a.set_viewport({1280, 800}, {.left = 372, .right = 68, .top = 62, .bottom = 40});
    ASSERT_TRUE(a.inset().shown);
    const glm::dvec2 middle{800, 400};
    a.camera().zoom_at(middle, 4);
    for (int i = 0; i < 200 && a.camera_controller().moving(); ++i) {
        a.update(1.0 / 60);
        const Camera& cam = a.camera_controller().current();
        if (a.camera_controller().moving()) EXPECT_TRUE(a.inset().shown) << "mid-zoom at " << cam.scale / cam.min_scale() << "x";
    }
    ASSERT_FALSE(a.camera_controller().moving());
    const Camera& cam = a.camera_controller().current();
    ASSERT_GT(cam.scale / cam.min_scale(), Atlas::kInsetMaxZoom);
    EXPECT_FALSE(a.inset().shown) << "the zoom has ended";

    Atlas b(shipped_data_with_tours());
    b.set_viewport({1280, 800}, {.left = 372, .right = 68, .top = 62, .bottom = 40});
    ASSERT_TRUE(b.inset().shown);
    b.camera().zoom_now(middle, 4);
    EXPECT_FALSE(b.inset().shown) << "a pinch";
}
