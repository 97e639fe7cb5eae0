// The 2D map camera over projected (Equal Earth) coordinates, and its smooth motion.
// Screen space is in logical pixels (CSS pixels on the web), origin top-left, y down.
#pragma once
#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/vec2.hpp>

namespace atlas {

struct Bounds {
    glm::dvec2 min{1e9}, max{-1e9};  // empty until a point is included
    void include(glm::dvec2 p) {
        min = glm::min(min, p);
        max = glm::max(max, p);
    }
    bool empty() const { return min.x > max.x; }
};

struct Camera {
    glm::dvec2 center{0, 0};  // projected coordinates at the middle of the viewport
    double scale = 200;       // pixels per projected unit
    glm::dvec2 viewport{1280, 800};
    // Pixels covered by panels on each side: framing and flying use the free part.
    double inset_left = 0, inset_right = 0, inset_top = 0, inset_bottom = 0;

    glm::dvec2 to_screen(glm::dvec2 world) const;
    glm::dvec2 to_world(glm::dvec2 screen) const;
    // Keeps the world point under `screen` fixed while multiplying the scale by `factor`.
    void zoom_at(glm::dvec2 screen, double factor);
    void pan_pixels(glm::dvec2 delta);
    void fit(const Bounds& b, double padding_px);
    // Centres `world` in the free part of the viewport (between the insets).
    void centre_on(glm::dvec2 world);
    glm::dvec2 focus() const;  // the middle of that free part, on screen
    // Keeps the scale within [min_scale, max_scale] and the middle of the free part inside the world.
    void clamp();
    double min_scale() const;  // the whole world fits the viewport
    bool same_view(const Camera& o) const { return center == o.center && scale == o.scale && viewport == o.viewport; }
    static constexpr double kMaxZoom = 400;  // times min_scale
};

// Eases the visible camera towards a target camera. Direct manipulation (dragging) moves both.
class CameraController {
public:
    const Camera& current() const { return current_; }
    const Camera& target() const { return target_; }
    void set_viewport(glm::dvec2 size);
    void set_insets(double left, double right, double top = 0, double bottom = 0);
    void jump(const Camera& c);  // no animation
    void animate_to(const Camera& c);
    // Animated zoom keeping the world point under `screen` fixed during the whole motion.
    void zoom_at(glm::dvec2 screen, double factor);
    void pan_pixels(glm::dvec2 delta, bool animated);
    void zoom_now(glm::dvec2 screen, double factor);  // direct manipulation (pinch)
    // Flies to `c` along the smooth zoom-out-and-in path of van Wijk & Nuij (2003), which keeps
    // both places in view; `cut` jumps instead (reduced motion). `seconds` > 0 sets the flight's
    // duration (a tour step's); otherwise it follows the distance. Returns the flight's seconds.
    double fly_to(const Camera& c, bool cut, double seconds = 0);
    bool flying() const { return flight_.duration > 0; }
    void finish();                                     // jump to the end of the motion
    void update(double dt_seconds);
    bool moving() const;

private:
    struct Flight {
        Camera from, to;
        double duration = 0, elapsed = 0;
        double rho = 1.42, u1 = 0, w0 = 0, r0 = 0, S = 0;
        glm::dvec2 dir{0};
    };
    void step_flight(double dt);
    void stop_flight();
    Flight flight_;
    Camera current_, target_;
    bool anchored_ = false;
    glm::dvec2 anchor_screen_{0}, anchor_world_{0};
};

}  // namespace atlas
