#include "core/camera.h"

#include <algorithm>
#include <cmath>

#include "core/projection.h"

namespace atlas {

glm::dvec2 Camera::to_screen(glm::dvec2 w) const {
    return {(w.x - center.x) * scale + viewport.x * 0.5, (center.y - w.y) * scale + viewport.y * 0.5};
}

glm::dvec2 Camera::to_world(glm::dvec2 s) const {
    return {center.x + (s.x - viewport.x * 0.5) / scale, center.y - (s.y - viewport.y * 0.5) / scale};
}

double Camera::min_scale() const {
    return std::min(viewport.x / (2 * equal_earth::kMaxX), viewport.y / (2 * equal_earth::kMaxY)) * 0.95;
}

void Camera::clamp() {
    scale = std::clamp(scale, min_scale(), min_scale() * kMaxZoom);
    // The middle of the part the panels leave free stays inside the world (with a sheet over half
    // a phone, the world's lower edge may rise to the middle of what is left, not of the screen).
    const glm::dvec2 offset = (focus() - viewport * 0.5) * glm::dvec2(1, -1) / scale;
    const glm::dvec2 edge{equal_earth::kMaxX, equal_earth::kMaxY};
    center = glm::clamp(center + offset, -edge, edge) - offset;
}

void Camera::zoom_at(glm::dvec2 screen, double factor) {
    const glm::dvec2 anchor = to_world(screen);
    scale *= factor;
    clamp();
    center += anchor - to_world(screen);
    clamp();
}

void Camera::pan_pixels(glm::dvec2 d) {
    center += glm::dvec2(-d.x, d.y) / scale;
    clamp();
}

void Camera::fit(const Bounds& b, double padding_px) {
    const glm::dvec2 size = glm::max(b.max - b.min, glm::dvec2(1e-6));
    const glm::dvec2 room =
        glm::max(viewport - glm::dvec2(inset_left + inset_right, inset_top + inset_bottom) - 2.0 * padding_px, glm::dvec2(1));
    scale = std::min(room.x / size.x, room.y / size.y);
    clamp();
    centre_on((b.min + b.max) * 0.5);
    // Zoomed out as far as it goes (a phone): the whole world is as wide as the screen, so centring
    // the bounds would only push one of its edges off; the world is centred instead.
    if (inset_left + inset_right < 1 && scale <= min_scale() * (1 + 1e-9) && 2 * equal_earth::kMaxX * scale <= viewport.x + 0.5)
        center.x = 0;
}

void Camera::centre_on(glm::dvec2 world) {
    center = world - (focus() - viewport * 0.5) * glm::dvec2(1, -1) / scale;
    clamp();
}

glm::dvec2 Camera::focus() const {
    return {inset_left + (viewport.x - inset_left - inset_right) / 2, inset_top + (viewport.y - inset_top - inset_bottom) / 2};
}

void CameraController::set_insets(double left, double right, double top, double bottom) {
    for (Camera* c : {&current_, &target_}) c->inset_left = left, c->inset_right = right, c->inset_top = top, c->inset_bottom = bottom;
}

void CameraController::set_viewport(glm::dvec2 size) {
    if (size == current_.viewport) return;
    // Keep what is in the middle of the screen in the middle, and keep the zoom relative to the
    // window, so that a resized or rotated kiosk screen shows the same region.
    const double ratio = Camera{current_.center, 1, size}.min_scale() / current_.min_scale();
    current_.viewport = target_.viewport = size;
    current_.scale *= ratio;
    target_.scale *= ratio;
    current_.clamp();
    target_.clamp();
}

void CameraController::jump(const Camera& c) {
    flight_.duration = 0;
    current_ = c;
    current_.clamp();
    target_ = current_;
    anchored_ = false;
}

void CameraController::animate_to(const Camera& c) {
    flight_.duration = 0;
    target_ = c;
    target_.viewport = current_.viewport;
    target_.clamp();
    anchored_ = false;
}

// Grabbing the map (pan, zoom) stops a flight where it is.
void CameraController::stop_flight() {
    if (!flying()) return;
    flight_.duration = 0;
    target_ = current_;
}

void CameraController::zoom_at(glm::dvec2 screen, double factor) {
    stop_flight();
    if (!anchored_ || anchor_screen_ != screen) {
        // Restart from the visible camera, keeping the zoom still pending from earlier steps.
        factor *= target_.scale / current_.scale;
        target_ = current_;
        anchor_screen_ = screen;
        anchor_world_ = current_.to_world(screen);
        anchored_ = true;
    }
    target_.zoom_at(screen, factor);
}

void CameraController::pan_pixels(glm::dvec2 delta, bool animated) {
    stop_flight();
    anchored_ = false;
    target_.pan_pixels(delta);
    if (!animated) current_.pan_pixels(delta);
}

double CameraController::fly_to(const Camera& c, bool cut, double seconds) {
    Camera to = c;
    to.viewport = current_.viewport;
    to.clamp();
    if (cut) {
        jump(to);
        return 0;
    }
    Flight f;
    f.from = current_;
    f.to = to;
    // Widths of the view in projected units; u: distance travelled on the ground.
    f.w0 = current_.viewport.x / current_.scale;
    const double w1 = current_.viewport.x / to.scale;
    f.u1 = glm::length(to.center - current_.center);
    const double rho = f.rho;
    if (f.u1 < 1e-9) {
        f.S = std::abs(std::log(w1 / f.w0)) / rho;
    } else {
        f.dir = (to.center - current_.center) / f.u1;
        auto r = [&](double w, double sign) {
            const double b = (w1 * w1 - f.w0 * f.w0 + sign * rho * rho * rho * rho * f.u1 * f.u1) /
                             (2 * w * rho * rho * f.u1);
            return std::log(-b + std::sqrt(b * b + 1));
        };
        f.r0 = r(f.w0, 1);
        f.S = (r(w1, -1) - f.r0) / rho;
    }
    f.duration = seconds > 0 ? seconds : std::clamp(f.S * 0.7, 0.35, 2.5);
    flight_ = f;
    target_ = to;
    anchored_ = false;
    return f.duration;
}

void CameraController::step_flight(double dt) {
    Flight& f = flight_;
    f.elapsed = std::min(f.duration, f.elapsed + dt);
    const double t = f.elapsed / f.duration;
    const double e = t * t * (3 - 2 * t);  // ease in and out
    const double s = f.S * e, rho = f.rho;
    if (f.u1 < 1e-9) {
        const double w1 = f.to.viewport.x / f.to.scale;
        current_.scale = current_.viewport.x / (f.w0 * std::exp(std::log(w1 / f.w0) * e));
        current_.center = f.to.center;
    } else {
        const double u = f.w0 / (rho * rho) * (std::cosh(f.r0) * std::tanh(rho * s + f.r0) - std::sinh(f.r0));
        const double w = f.w0 * std::cosh(f.r0) / std::cosh(rho * s + f.r0);
        current_.center = f.from.center + f.dir * u;
        current_.scale = current_.viewport.x / w;
    }
    if (f.elapsed >= f.duration) {
        // Where it was going, in the window as it is now: the viewport and the panels' insets may
        // have changed in flight (a city deselected as the flight began), and stay as they are.
        current_.center = f.to.center, current_.scale = f.to.scale;
        f.duration = 0;
    }
}

void CameraController::zoom_now(glm::dvec2 screen, double factor) {
    flight_.duration = 0;
    anchored_ = false;
    current_.zoom_at(screen, factor);
    target_ = current_;
}

void CameraController::finish() {
    flight_.duration = 0;
    current_ = target_;
    anchored_ = false;
}

void CameraController::update(double dt) {
    if (flying()) {
        step_flight(std::max(0.0, dt));
        return;
    }
    // Exponential approach: frame-rate independent, ~95% of the way in a quarter second.
    const double a = 1.0 - std::exp(-12.0 * std::max(0.0, dt));
    current_.scale = std::exp(std::log(current_.scale) + (std::log(target_.scale) - std::log(current_.scale)) * a);
    if (anchored_) {
        const glm::dvec2 off = anchor_screen_ - current_.viewport * 0.5;
        current_.center = anchor_world_ - glm::dvec2(off.x, -off.y) / current_.scale;
    } else {
        current_.center += (target_.center - current_.center) * a;
    }
    current_.clamp();
    if (!moving()) {
        current_ = target_;
        anchored_ = false;
    }
}

bool CameraController::moving() const {
    if (flying()) return true;
    const double pixel = 0.25 / current_.scale;
    return std::abs(std::log(target_.scale / current_.scale)) > 1e-3 ||
           glm::length(target_.center - current_.center) > pixel;
}

}  // namespace atlas
