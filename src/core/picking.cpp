#include "core/picking.h"

#include <glm/geometric.hpp>

namespace atlas {

int pick_city(const std::vector<glm::dvec2>& positions, const std::vector<int>& candidates,
              const Camera& camera, glm::dvec2 screen, double radius_px) {
    int best = -1;
    double best_d2 = radius_px * radius_px;
    for (int i : candidates) {
        const glm::dvec2 d = camera.to_screen(positions[i]) - screen;
        const double d2 = glm::dot(d, d);
        if (d2 <= best_d2) {
            best_d2 = d2;
            best = i;
        }
    }
    return best;
}

}  // namespace atlas
