#include "render/link_layer.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <glm/geometric.hpp>

namespace atlas::render {
namespace {
struct Segment {
    float x0, y0, x1, y1;
    Color color;
    float kind, along, width;
};
}  // namespace

// A line to draw: an arc's points, or a bundle's bow (a quadratic curve in `steps` chords).
struct LinkLayer::Line {
    const std::vector<glm::dvec2>* points = nullptr;
    glm::dvec2 from{0}, control{0}, to{0};
    int steps = 0;
    Color color;
    float kind = 0, width = 0;
};

void LinkLayer::init(GLuint program) {
    program_ = program;
    revision_ = ~0u;  // built at the first draw
    for (auto [loc, name] : {std::pair{&u_center_, "u_center"}, {&u_scale_, "u_scale"}, {&u_viewport_, "u_viewport"},
                             {&u_world_to_px_, "u_world_to_px"}, {&u_halo_, "u_halo"}, {&u_halo_color_, "u_halo_color"}})
        *loc = glGetUniformLocation(program, name);
    static const float corners[8] = {0, -1, 1, -1, 0, 1, 1, 1};
    quad_.init(corners, sizeof(Segment), {{4, offsetof(Segment, x0)}, {4, offsetof(Segment, color)},
                                          {3, offsetof(Segment, kind)}});
}

void LinkLayer::rebuild(const Atlas& a, double scale) {
    const Dataset& d = a.data();
    std::vector<Line> lines;
    // What is drawn, as a number (FNV-1a of each link's arc and style, not of its segments, which
    // change with the zoom alone): most new revisions (a hover, a marker) leave it as it was.
    Fnv1a content;
    auto style = [&](const DrawnLink& l, Color& c, float& kind, float& width) {
        const Network& n = d.networks[l.network];
        const bool lit = a.highlighted(l);
        c = n.color;
        c.a = a.link_alpha(l) * (lit ? 0.92f : 0.18f);
        kind = n.line == "dashed" ? 1.f : n.line == "dotted" ? 2.f : 0.f;
        width = lit && a.chosen_network() >= 0 ? 3.6f : 2.4f;
    };
    bundled_ = a.links_bundled();
    if (bundled_) {
        add_bundles(a, scale, style, lines, content);
    } else {
        // Dimmed links first, so that the chosen network's links lie on top.
        for (int pass = 0; pass < 2; ++pass)
            for (const auto& l : a.drawn_links()) {
                if (a.highlighted(l) != (pass == 1)) continue;
                Color c;
                float kind, width;
                style(l, c, kind, width);
                if (c.a <= 0.003f) continue;
                content.mix(l.arc).mix(c).mix(width);
                for (const auto& line : *l.arc) lines.push_back({&line, {}, {}, {}, 0, c, kind, width});
            }
    }
    // Each line as segments no shorter than kMinSegmentPx on screen (the arcs' points are 1.5 degrees
    // apart, and a chord of that length departs from the arc by a fraction of a pixel): counted, then
    // made again and handed to the GL as they come. Held, 7,000 segments at 400 cities zoomed in
    // were 0.5 MB of the web's memory while their vector grew, which it keeps for good.
    auto each_segment = [&](auto&& take) {
        std::vector<glm::dvec2> bow;
        for (const Line& l : lines) {
            const std::vector<glm::dvec2>* points = l.points;
            if (!points) {
                bow.clear();
                for (int i = 0; i <= l.steps; ++i) {
                    const double t = double(i) / l.steps;
                    bow.push_back((1 - t) * (1 - t) * l.from + 2 * t * (1 - t) * l.control + t * t * l.to);
                }
                points = &bow;
            }
            const std::vector<glm::dvec2>& line = *points;
            double along = 0;
            std::size_t from = 0;
            for (std::size_t i = 1; i < line.size(); ++i) {
                const double length = glm::length(line[i] - line[from]);
                if (length * scale < kMinSegmentPx && i + 1 < line.size()) continue;
                take(Segment{float(line[from].x), float(line[from].y), float(line[i].x), float(line[i].y), l.color,
                             l.kind, float(along), l.width});
                along += length;
                from = i;
            }
        }
    };
    std::size_t count = 0;
    each_segment([&](const Segment&) { ++count; });
    InstancedQuad::Upload upload(quad_, count);
    each_segment([&](const Segment& segment) { upload.add(&segment); });
    content_ = content.value;
    revision_ = a.revision();
    clusters_generation_ = a.cluster_generation();
    built_scale_ = scale;
}

template <class Style>
void LinkLayer::add_bundles(const Atlas& a, double scale, Style style, std::vector<Line>& lines, Fnv1a& content) {
    // Dense data: thousands of arcs would cover the map in ink. Links are gathered by the markers
    // they join (a cluster or a city; a network's hub) and their network, and each bundle is one
    // curve between the markers, wider with the number of links in it.
    const auto& markers = a.clusters();
    std::vector<int> marker_of(a.data().cities.size(), -1);
    for (int m = 0; m < int(markers.size()); ++m)
        for (int c : markers[m].members) marker_of[std::size_t(c)] = m;
    struct Bundle {
        glm::dvec2 from{0}, to{0};
        const DrawnLink* first = nullptr;  // its style stands for the bundle's
        int count = 0;
    };
    std::unordered_map<std::uint64_t, Bundle> bundles;
    for (const auto& l : a.drawn_links()) {
        int from = marker_of[std::size_t(l.from)], to;
        glm::dvec2 p0, p1;
        if (l.to >= 0) {
            to = marker_of[std::size_t(l.to)];
            if (to < 0) continue;
            p1 = markers[std::size_t(to)].center;
        } else {  // a spoke to its network's hub
            to = -1 - l.network;
            if (l.arc->empty() || l.arc->back().empty()) continue;
            p1 = l.arc->back().back();
        }
        if (from < 0 || from == to) continue;  // inside one cluster: under its disc
        p0 = markers[std::size_t(from)].center;
        if (to >= 0 && to < from) std::swap(from, to), std::swap(p0, p1);
        const std::uint64_t key = (std::uint64_t(std::uint32_t(from)) << 40) ^ (std::uint64_t(std::uint32_t(to)) << 12) ^
                                  std::uint64_t(l.network);
        Bundle& b = bundles[key];
        if (!b.count) b.from = p0, b.to = p1, b.first = &l;
        ++b.count;
    }
    std::vector<const Bundle*> order;
    order.reserve(bundles.size());
    for (const auto& [key, b] : bundles) order.push_back(&b);
    // Dimmed networks first, then the larger bundles over the smaller; ties by position, so that
    // the order does not depend on the hash map's. Only the last kMaxBundles of that order are drawn.
    auto below = [&](const Bundle* x, const Bundle* y) {
        const bool lx = a.highlighted(*x->first), ly = a.highlighted(*y->first);
        if (lx != ly) return ly;
        if (x->count != y->count) return x->count < y->count;
        return std::tie(x->from.x, x->from.y, x->to.x, x->to.y) < std::tie(y->from.x, y->from.y, y->to.x, y->to.y);
    };
    if (order.size() > kMaxBundles) {
        std::nth_element(order.begin(), order.end() - kMaxBundles, order.end(), below);
        order.erase(order.begin(), order.end() - kMaxBundles);
    }
    std::sort(order.begin(), order.end(), below);
    lines.reserve(order.size());
    for (const Bundle* b : order) {
        Color c;
        float kind, width;
        style(*b->first, c, kind, width);
        if (c.a <= 0.003f) continue;
        // Thinner and lighter than single links, so that the many bundles of dense data leave the
        // map readable; the wider, the more links.
        width *= float(0.5 * std::min(1 + 0.5 * std::log2(double(b->count)), 4.0));
        c.a *= 0.6f;
        // A gentle bow to one side (the same side whichever way the links go), in chords of 64 px
        // or more: a bow this flat departs from them by under a pixel, and dense data has thousands.
        const glm::dvec2 along = b->to - b->from, mid = (b->from + b->to) * 0.5;
        const glm::dvec2 control = mid + glm::dvec2(-along.y, along.x) * 0.15;
        const int steps = std::clamp(int(glm::length(along) * scale / 64), 1, 8);
        content.mix(b->from).mix(b->to).mix(b->count).mix(c);
        lines.push_back({nullptr, b->from, control, b->to, steps, c, kind, width});
    }
}

void LinkLayer::prepare(const Atlas& a, const Camera& cam) {
    const double zoomed = cam.scale / built_scale_;  // segments long enough at one zoom are too long 1.5x closer
    if (revision_ != a.revision() || zoomed > 1.5 || zoomed < 1 / 1.5 ||
        (bundled_ && clusters_generation_ != a.cluster_generation()))  // bundles join the markers drawn now
        rebuild(a, cam.scale);
}

void LinkLayer::draw(const Camera& cam, const MapStyle& s) const {
    if (!quad_.count()) return;
    glUseProgram(program_);
    glUniform2f(u_center_, float(cam.center.x), float(cam.center.y));
    glUniform2f(u_scale_, float(2 * cam.scale / cam.viewport.x), float(2 * cam.scale / cam.viewport.y));
    glUniform2f(u_viewport_, float(cam.viewport.x), float(cam.viewport.y));
    glUniform1f(u_world_to_px_, float(cam.scale));
    glUniform4f(u_halo_color_, s.link_halo.r, s.link_halo.g, s.link_halo.b, s.link_halo.a);
    for (float halo : {1.6f, 0.0f}) {  // the light halo under, then the line
        if (bundled_ && halo > 0) continue;  // thousands of thin bundles: a halo would double the cost and the ink
        glUniform1f(u_halo_, halo);
        quad_.draw();
    }
}

void LinkLayer::release() {
    quad_.release();
    revision_ = ~0u;  // built again at the next draw
}

}  // namespace atlas::render
