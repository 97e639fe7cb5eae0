#include <gtest/gtest.h>

#include "core/camera.h"
#include "core/picking.h"
#include "core/projection.h"

using namespace atlas;

TEST(Camera, ScreenAndWorldAreInverse) {
    Camera c{{0.3, -0.2}, 350, {1280, 800}};
    const glm::dvec2 w{-1.2, 0.4};
    const auto back = c.to_world(c.to_screen(w));
    EXPECT_NEAR(back.x, w.x, 1e-12);
    EXPECT_NEAR(back.y, w.y, 1e-12);
    EXPECT_DOUBLE_EQ(c.to_screen(c.center).x, 640);
    EXPECT_LT(c.to_screen({0.3, 0.5}).y, 400);  // north is up
}

TEST(Camera, ZoomKeepsThePointUnderTheCursor) {
    Camera c{{0, 0}, 300, {1280, 800}};
    const glm::dvec2 cursor{900, 200};
    const auto before = c.to_world(cursor);
    c.zoom_at(cursor, 3);
    const auto after = c.to_world(cursor);
    EXPECT_NEAR(after.x, before.x, 1e-12);
    EXPECT_NEAR(after.y, before.y, 1e-12);
    EXPECT_DOUBLE_EQ(c.scale, 900);
}

TEST(Camera, ScaleIsClamped) {
    Camera c{{0, 0}, 300, {1280, 800}};
    c.zoom_at({640, 400}, 1e-6);
    EXPECT_DOUBLE_EQ(c.scale, c.min_scale());
    c.zoom_at({640, 400}, 1e12);
    EXPECT_DOUBLE_EQ(c.scale, c.min_scale() * Camera::kMaxZoom);
}

TEST(Camera, FitShowsTheBounds) {
    Camera c;
    c.viewport = {1000, 600};
    Bounds b{equal_earth::forward(-118, -35), equal_earth::forward(40, 35)};
    c.fit(b, 20);
    for (auto p : {b.min, b.max}) {
        auto s = c.to_screen(p);
        EXPECT_GE(s.x, 19.99);
        EXPECT_LE(s.x, 980.01);
        EXPECT_GE(s.y, 19.99);
        EXPECT_LE(s.y, 580.01);
    }
}

TEST(CameraController, EasesToTheTargetAndStops) {
    CameraController cc;
    cc.jump(Camera{{0, 0}, 300, {1280, 800}});
    Camera t = cc.current();
    t.center = {1, 0.5};
    t.scale = 1200;
    cc.animate_to(t);
    EXPECT_TRUE(cc.moving());
    double last_scale = cc.current().scale;
    for (int i = 0; i < 10; ++i) {
        cc.update(1.0 / 60);
        EXPECT_GT(cc.current().scale, last_scale);  // monotonic, no overshoot
        EXPECT_LE(cc.current().scale, 1200);
        last_scale = cc.current().scale;
    }
    for (int i = 0; i < 120; ++i) cc.update(1.0 / 60);
    EXPECT_FALSE(cc.moving());
    EXPECT_DOUBLE_EQ(cc.current().scale, 1200);
}

TEST(CameraController, AnimatedZoomKeepsTheAnchorFixedThroughout) {
    CameraController cc;
    cc.jump(Camera{{0, 0}, 300, {1280, 800}});
    const glm::dvec2 cursor{1000, 300};
    const auto anchor = cc.current().to_world(cursor);
    cc.zoom_at(cursor, 4);
    for (int i = 0; i < 30; ++i) {
        cc.update(1.0 / 60);
        const auto s = cc.current().to_screen(anchor);
        EXPECT_NEAR(s.x, cursor.x, 1e-6);
        EXPECT_NEAR(s.y, cursor.y, 1e-6);
    }
}

TEST(Picking, FindsTheNearestCityWithinTheRadius) {
    Camera c{{0, 0}, 100, {800, 600}};
    std::vector<glm::dvec2> pos = {{0, 0}, {0.05, 0}, {2, 1}};
    std::vector<int> all = {0, 1, 2};
    EXPECT_EQ(pick_city(pos, all, c, {401, 300}, 10), 0);
    EXPECT_EQ(pick_city(pos, all, c, {402.5, 300}, 10), 1);  // a tie: the one drawn on top wins
    EXPECT_EQ(pick_city(pos, all, c, {404, 300}, 10), 1);
    EXPECT_EQ(pick_city(pos, all, c, {600, 200}, 10), 2);
    EXPECT_EQ(pick_city(pos, all, c, {500, 500}, 10), -1);
    EXPECT_EQ(pick_city(pos, {1, 2}, c, {401, 300}, 10), 1);  // hidden cities are not picked
}

TEST(CameraController, AFlightZoomsOutAndInAndKeepsBothPlacesInView) {
    CameraController cc;
    Camera start{{-1.45, 0.39}, 3000, {1280, 800}};  // zoomed in on Mexico City
    cc.jump(start);
    Camera end = start;
    end.center = {1.7, 0.64};  // Luoyang
    const double seconds = cc.fly_to(end, false);
    EXPECT_GT(seconds, 0.3);
    double min_scale = 1e9;
    bool saw_both = false;
    for (double t = 0; t < seconds + 0.1; t += 1.0 / 60) {
        cc.update(1.0 / 60);
        const Camera& c = cc.current();
        min_scale = std::min(min_scale, c.scale);
        const auto a = c.to_screen(start.center), b = c.to_screen(end.center);
        saw_both = saw_both || (a.x >= 0 && a.x <= 1280 && b.x >= 0 && b.x <= 1280);
    }
    EXPECT_LT(min_scale, 3000.0 / 4) << "zooms out on the way";
    EXPECT_TRUE(saw_both) << "both places are on screen at the top of the flight";
    EXPECT_FALSE(cc.moving());
    EXPECT_DOUBLE_EQ(cc.current().center.x, cc.target().center.x);
    EXPECT_DOUBLE_EQ(cc.current().scale, end.scale);
}

// The panels' insets (a Details column closing) and the window may change while a flight is under
// way: it ends where it was going, in the window as it is then (the inset of Mexico is placed from
// the camera's insets; it vanished when the flight's end brought back the column it had started with).
TEST(CameraController, AFlightEndsWithTheInsetsAndViewportOfNow) {
    CameraController cc;
    cc.jump(Camera{{-1.45, 0.39}, 3000, {1280, 800}});
    cc.set_insets(372, 460, 61, 40);
    Camera end = cc.current();
    end.center = {1.7, 0.64};
    cc.fly_to(end, false);
    cc.update(1.0 / 60);
    cc.set_insets(372, 68, 61, 40);  // the column closed
    while (cc.flying()) cc.update(1.0 / 60);
    // (as the frame that ends the flight sees it, before any other update)
    EXPECT_DOUBLE_EQ(cc.current().center.x, end.center.x);
    EXPECT_DOUBLE_EQ(cc.current().scale, end.scale);
    EXPECT_DOUBLE_EQ(cc.current().inset_right, 68);
    EXPECT_DOUBLE_EQ(cc.target().inset_right, 68);
}

TEST(CameraController, ReducedMotionCutsInsteadOfFlying) {
    CameraController cc;
    cc.jump(Camera{{-1.45, 0.39}, 3000, {1280, 800}});
    Camera end = cc.current();
    end.center = {1.7, 0.64};
    EXPECT_EQ(cc.fly_to(end, true), 0);
    EXPECT_FALSE(cc.moving());
    EXPECT_DOUBLE_EQ(cc.current().center.x, 1.7);
}
