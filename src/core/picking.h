// What is under a screen point: the nearest visible city within a radius, in screen pixels.
// A linear scan: the data has hundreds of cities, and a scan of 10,000 takes microseconds.
#pragma once
#include <vector>

#include <glm/vec2.hpp>

#include "core/camera.h"

namespace atlas {

// `positions` are projected city positions; `candidates` the indices to consider, in draw order
// (later ones are drawn on top and win ties). Returns -1 when nothing is within `radius_px`.
int pick_city(const std::vector<glm::dvec2>& positions, const std::vector<int>& candidates,
              const Camera& camera, glm::dvec2 screen, double radius_px);

}  // namespace atlas
