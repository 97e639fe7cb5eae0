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

namespace {
// The camera once it has come to rest.
Camera at_rest(Atlas& a) {
    for (int i = 0; i < 600 && a.camera_controller().moving(); ++i) a.update(1.0 / 60);
    EXPECT_FALSE(a.camera_controller().moving());
    return a.camera_controller().current();
}
// The start view as framed at first for these panels.
Camera framed_for(glm::dvec2 size, const ScreenInsets& covered) {
    Atlas a(shipped_data_with_tours());
    a.set_viewport(size, covered);
    return a.camera_controller().current();
}
constexpr ScreenInsets kPhonePeek{.top = 84, .bottom = 246}, kPhoneHalf{.top = 84, .bottom = 422 + 62};
constexpr glm::dvec2 kPhone{390, 844};
}  // namespace

// A phone's sheet rising to half the screen over the start view: the map moves up into the part
// left free (it stayed where the peeking sheet had left it, its lower part under the sheet), and
// comes back when the sheet goes down.
TEST(StartView, FollowsThePhonesSheet) {
    Atlas a(shipped_data_with_tours());
    a.set_viewport(kPhone, kPhonePeek);
    const Camera peek = a.camera_controller().current();
    const glm::dvec2 mexico_city = peek.to_screen(equal_earth::forward(-99.13, 19.43));

    a.set_viewport(kPhone, kPhoneHalf);
    EXPECT_TRUE(a.camera_controller().moving()) << "eased, not a jump";
    const Camera half = at_rest(a), expected = framed_for(kPhone, kPhoneHalf);
    EXPECT_NEAR(half.center.x, expected.center.x, 1e-9);
    EXPECT_NEAR(half.center.y, expected.center.y, 1e-9);
    EXPECT_DOUBLE_EQ(half.scale, peek.scale) << "the cities fit the part left free at the same zoom";
    const double rise = (kPhoneHalf.bottom - kPhonePeek.bottom) / 2;
    EXPECT_NEAR(half.to_screen(equal_earth::forward(-99.13, 19.43)).y, mexico_city.y - rise, 0.5)
        << "up by half the sheet's rise: in the middle of what is left (the world's edge may go above it)";
    EXPECT_TRUE(a.at_start_view());

    a.set_viewport(kPhone, kPhonePeek);
    EXPECT_NEAR(at_rest(a).center.y, peek.center.y, 1e-9) << "back when the sheet goes down";

    // A chosen city is the map's subject then (the app centres it): the start view stays.
    ASSERT_FALSE(a.act({{"type", "select"}, {"id", "mx-oaxaca"}}).contains("error"));
    a.set_viewport(kPhone, kPhoneHalf);
    EXPECT_FALSE(a.camera_controller().moving());
    EXPECT_EQ(a.camera_controller().target().center, peek.center);
}

// The panels' first measures at start-up differ from their estimates by a few pixels: not worth
// moving the map (and painting it again) for.
TEST(StartView, StaysForAFewPixels) {
    Atlas a(shipped_data_with_tours());
    a.set_viewport(kPhone, {.top = 67, .bottom = 197});
    const Camera first = a.camera_controller().target();
    a.set_viewport(kPhone, kPhonePeek);
    EXPECT_FALSE(a.camera_controller().moving());
    EXPECT_EQ(a.camera_controller().target().center, first.center);
    EXPECT_TRUE(a.at_start_view());
}

// Someone who moved the map keeps it where they left it; the home button brings the start view
// back, and with it the framing that follows the panels.
TEST(StartView, AMovedMapStaysWhereItWasLeft) {
    Atlas a(shipped_data_with_tours());
    a.set_viewport(kPhone, kPhonePeek);
    a.camera().zoom_at({195, 400}, 2);
    at_rest(a);
    ASSERT_FALSE(a.at_start_view());
    const Camera moved = a.camera_controller().current();
    a.set_viewport(kPhone, kPhoneHalf);
    EXPECT_FALSE(a.camera_controller().moving());
    EXPECT_EQ(a.camera_controller().current().center, moved.center);

    ASSERT_FALSE(a.act({{"type", "home"}}).contains("error"));
    EXPECT_NEAR(at_rest(a).center.y, framed_for(kPhone, kPhoneHalf).center.y, 1e-9);
    a.set_viewport(kPhone, kPhonePeek);
    EXPECT_NEAR(at_rest(a).center.y, framed_for(kPhone, kPhonePeek).center.y, 1e-9);
}

// A resized screen showing the start view shows it again, framed for the new size, at once; a
// column beside the map and a link's camera (a view that names one) are left alone.
TEST(StartView, IsFramedAgainForANewSize) {
    Atlas a(shipped_data_with_tours());
    const ScreenInsets desktop{.left = 372, .right = 68, .top = 62, .bottom = 40};
    a.set_viewport({1280, 800}, desktop);
    a.set_viewport({1920, 1080}, desktop);
    EXPECT_FALSE(a.camera_controller().moving()) << "at once";
    Atlas b(shipped_data_with_tours());
    b.set_viewport({1920, 1080}, desktop);
    EXPECT_EQ(a.camera_controller().current().center, b.camera_controller().current().center);
    EXPECT_EQ(a.camera_controller().current().scale, b.camera_controller().current().scale);

    b.camera().zoom_at({900, 400}, 6);
    at_rest(b);
    // A column beside the map (a city's details on a desktop) leaves it as the person saw it.
    Atlas c(shipped_data_with_tours());
    c.set_viewport({1280, 800}, desktop);
    const Camera before = c.camera_controller().current();
    c.set_viewport({1280, 800}, {.left = 372, .right = 68 + 380, .top = 62, .bottom = 40});
    EXPECT_EQ(c.camera_controller().target().center, before.center);
    c.set_viewport({1280, 800}, {.left = 372, .right = 68 + 380, .top = 62, .bottom = 80});
    EXPECT_EQ(c.camera_controller().target().center, before.center) << "nor a new bottom while it stands there";

    Atlas linked(shipped_data_with_tours());
    ASSERT_FALSE(linked.act({{"type", "viewFromUrl"}, {"hash", b.view_link()}}).contains("error"));
    linked.set_viewport({1280, 800}, desktop);
    const Camera was = linked.camera_controller().current();
    linked.set_viewport({1280, 800}, {.left = 0, .right = 68, .top = 62, .bottom = 40});
    EXPECT_EQ(linked.camera_controller().target().center, was.center);
    EXPECT_FALSE(linked.at_start_view());
}
