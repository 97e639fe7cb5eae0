// Equal Earth projection (Šavrič, Patterson & Jenny 2018) on the unit sphere: an equal-area
// pseudocylindrical projection, so the areas of the Global South are not shrunk as on Mercator.
// x in about [-2.71, 2.71], y in about [-1.32, 1.32], y up.
#pragma once
#include <glm/vec2.hpp>

namespace atlas::equal_earth {

glm::dvec2 forward(double lon_deg, double lat_deg);
// Returns {lon, lat} in degrees; false if the point is outside the map outline.
bool inverse(glm::dvec2 xy, double& lon_deg, double& lat_deg);
constexpr double kMaxX = 2.7066299837;  // forward(180, 0).x
constexpr double kMaxY = 1.3173627591;  // forward(0, 90).y

}  // namespace atlas::equal_earth
