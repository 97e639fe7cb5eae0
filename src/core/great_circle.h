// Great-circle arcs between two places, cut where they cross the antimeridian so that a projected
// map draws them in pieces that stay on the map (e.g. Mexico City - Luoyang over the Pacific).
#pragma once
#include <vector>

#include <glm/vec2.hpp>

namespace atlas {

// Points along the shorter great circle from `a` to `b` ({lon, lat} in degrees), at most
// `max_step_deg` apart, as one or more polylines: a new one starts wherever the arc crosses the
// 180th meridian, both pieces ending exactly on it at the same latitude.
std::vector<std::vector<glm::dvec2>> great_circle_arc(glm::dvec2 a, glm::dvec2 b, double max_step_deg = 2.0);

// Angular distance in degrees.
double great_circle_distance(glm::dvec2 a, glm::dvec2 b);

// The point a fraction `t` of the way from `a` to `b` along the great circle.
glm::dvec2 great_circle_point(glm::dvec2 a, glm::dvec2 b, double t);

}  // namespace atlas
