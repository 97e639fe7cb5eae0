#include "core/great_circle.h"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

namespace atlas {
namespace {
constexpr double kDeg = 3.14159265358979323846 / 180.0;

glm::dvec3 to_vector(glm::dvec2 p) {
    const double lon = p.x * kDeg, lat = p.y * kDeg;
    return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}
glm::dvec2 to_lonlat(glm::dvec3 v) {
    return {std::atan2(v.y, v.x) / kDeg, std::asin(std::clamp(v.z / glm::length(v), -1.0, 1.0)) / kDeg};
}
}  // namespace

double great_circle_distance(glm::dvec2 a, glm::dvec2 b) {
    const glm::dvec3 u = to_vector(a), v = to_vector(b);
    return std::atan2(glm::length(glm::cross(u, v)), glm::dot(u, v)) / kDeg;
}

glm::dvec2 great_circle_point(glm::dvec2 a, glm::dvec2 b, double t) {
    const glm::dvec3 u = to_vector(a), v = to_vector(b);
    const double omega = great_circle_distance(a, b) * kDeg;
    if (omega < 1e-12) return a;
    const double s = std::sin(omega);
    return to_lonlat(u * (std::sin((1 - t) * omega) / s) + v * (std::sin(t * omega) / s));
}

std::vector<std::vector<glm::dvec2>> great_circle_arc(glm::dvec2 a, glm::dvec2 b, double max_step_deg) {
    const int steps = std::max(1, int(std::ceil(great_circle_distance(a, b) / std::max(max_step_deg, 0.01))));
    std::vector<std::vector<glm::dvec2>> lines(1);
    glm::dvec2 prev = a;
    lines.back().push_back(a);
    for (int i = 1; i <= steps; ++i) {
        const glm::dvec2 p = i == steps ? b : great_circle_point(a, b, double(i) / steps);
        if (std::abs(p.x - prev.x) > 180) {
            // Crossing the antimeridian: interpolate the latitude at +-180 (longitudes unwrapped).
            const double side = prev.x > 0 ? 180 : -180;
            const double next_x = p.x + (prev.x > 0 ? 360 : -360);
            const double t = (side - prev.x) / (next_x - prev.x);
            const double lat = prev.y + (p.y - prev.y) * t;
            lines.back().push_back({side, lat});
            lines.push_back({{-side, lat}});
        }
        lines.back().push_back(p);
        prev = p;
    }
    return lines;
}

}  // namespace atlas
