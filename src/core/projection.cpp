#include "core/projection.h"

#include <algorithm>
#include <cmath>

namespace atlas::equal_earth {
namespace {
constexpr double A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796;
const double M = std::sqrt(3.0) / 2.0;
constexpr double kDeg = 3.14159265358979323846 / 180.0;
}  // namespace

glm::dvec2 forward(double lon_deg, double lat_deg) {
    const double lam = lon_deg * kDeg, phi = lat_deg * kDeg;
    const double theta = std::asin(M * std::sin(phi));
    const double t2 = theta * theta, t6 = t2 * t2 * t2;
    const double x = lam * std::cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
    const double y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    return {x, y};
}

bool inverse(glm::dvec2 xy, double& lon_deg, double& lat_deg) {
    if (!std::isfinite(xy.x) || !std::isfinite(xy.y) || std::abs(xy.y) > kMaxY) return false;
    double theta = xy.y / A1;  // Newton's method on y(theta)
    for (int i = 0; i < 12; ++i) {
        const double t2 = theta * theta, t6 = t2 * t2 * t2;
        const double f = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)) - xy.y;
        const double df = A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2);
        const double step = f / df;
        theta -= step;
        if (std::abs(step) < 1e-12) break;
    }
    const double t2 = theta * theta, t6 = t2 * t2 * t2;
    const double lam = M * xy.x * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)) / std::cos(theta);
    if (std::abs(lam) > 3.14159265358979323846 + 1e-9) return false;
    lon_deg = lam / kDeg;
    lat_deg = std::asin(std::clamp(std::sin(theta) / M, -1.0, 1.0)) / kDeg;
    return true;
}

}  // namespace atlas::equal_earth
