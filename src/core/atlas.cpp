#include "core/atlas.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/json_io.h"
#include "core/picking.h"
#include "core/projection.h"

namespace atlas {
using json = nlohmann::json;

namespace {
// A dataset made in code (tests, benchmarks) is indexed first; the loader's comes indexed (its
// cities' index made as they merged: making it again took 20 ms at 100,000 cities, natively).
LoadResult indexed(Dataset data) {
    data.rebuild_index();
    return {std::move(data), {}, {}};
}
}  // namespace

Atlas::Atlas(Dataset data) : Atlas(indexed(std::move(data))) {}

Atlas::Atlas(LoadResult loaded) : data_(std::move(loaded.dataset)) {
    problems_ = std::move(loaded.problems);
    rejected_ = std::move(loaded.rejected);
    positions_.reserve(data_.cities.size());
    for (auto& c : data_.cities) positions_.push_back(equal_earth::forward(c.lon, c.lat));
    everything_ = Filter::all(data_);
    first_year_ = everything_.year_from, last_year_ = everything_.year_to;
    filter_ = everything_;
    timeline_ = last_year_ + kYearEnd;
    geometry_ = build_link_geometry(data_);
    choose_network(-1);
    refilter();
}

std::string Atlas::one_of_arg(const json& a, const char* key, const std::vector<std::string>& allowed, std::string& out) {
    auto it = a.find(key);
    if (it != a.end() && it->is_string() && std::find(allowed.begin(), allowed.end(), it->get<std::string>()) != allowed.end()) {
        out = it->get<std::string>();
        return {};
    }
    std::string list;
    for (const auto& x : allowed) list += (list.empty() ? "" : ", ") + x;
    return "\"" + std::string(key) + "\" must be one of " + list;
}

unsigned Atlas::next_revision() {
    static unsigned counter = 0;
    return ++counter;
}

void Atlas::refilter() {
    filter_.until = timeline_year();
    visible_ = atlas::visible_cities(data_, filter_, &counts_);
    is_visible_.assign(data_.cities.size(), false);
    for (int i : visible_) is_visible_[i] = true;
    if (hovered_ >= 0 && !is_visible_[hovered_]) hovered_ = -1;  // a hidden city is under no pointer
    // When each city appears on the timeline (for the fades), under the other filters.
    Filter any_time = filter_;
    any_time.until = 1e9;
    first_shown_.assign(data_.cities.size(), 1 << 30);
    for (int i = 0; i < int(data_.cities.size()); ++i)
        for (const auto& g : data_.cities[i].designations)
            if (designation_passes(data_, any_time, g)) first_shown_[i] = std::min(first_shown_[i], g.year);
    relink();
    if (!links_bundled())  // drawn as arcs: theirs are made now (bundles need none)
        for (const DrawnLink& l : drawn_links_)
            if (l.link >= 0) geometry_.make_arc(data_, l.link);
    revision_ = set_revision_ = visible_revision_ = next_revision();
}

void Atlas::choose_network(int network) {
    network_ = network;
    in_network_.assign(data_.cities.size(), false);
    if (network < 0) return;
    for (int i = 0; i < int(data_.cities.size()); ++i)
        for (const auto& g : data_.cities[i].designations)
            if (g.network == network) in_network_[i] = true;
    for (const auto& l : data_.links)
        if (l.network == network) in_network_[l.from] = in_network_[l.to] = true;
}

// Links are drawn when both cities are shown and the link's year has come (undated links: as
// soon as both cities are shown). A network drawn as a hub shows spokes to its hub instead.
void Atlas::relink() {
    drawn_links_.clear();
    for (int i = 0; i < int(data_.links.size()); ++i) {
        const CooperationLink& l = data_.links[i];
        if (hub_style_ && geometry_.hub_of(l.network)) continue;
        if (!is_visible_[l.from] || !is_visible_[l.to] || (l.year && l.year > filter_.until)) continue;
        drawn_links_.push_back({i, l.from, l.to, l.network, l.year, &geometry_.arcs[i]});
    }
    if (!hub_style_) return;
    for (const auto& hub : geometry_.hubs) {
        if (hub.year && hub.year > filter_.until) continue;
        std::vector<int> shown;
        for (std::size_t m = 0; m < hub.members.size(); ++m)
            if (is_visible_[hub.members[m]]) shown.push_back(int(m));
        if (shown.size() < 2) continue;
        for (int m : shown) drawn_links_.push_back({-1, hub.members[m], -1, hub.network, hub.year, &hub.spokes[m]});
    }
}

namespace {
// How long a city or link takes to fade in, in timeline years.
constexpr double kFadeYears = 0.5;
float fade(double position, int year) {
    return float(std::clamp((position - year) / kFadeYears, 0.0, 1.0));
}
}  // namespace

float Atlas::appear_alpha(int city) const {
    if (timeline_ >= last_year_ + kYearEnd && !playing_) return 1.0f;
    return fade(timeline_, first_shown_[city]);
}

float Atlas::city_opacity(int city) const {
    return appear_alpha(city) * (highlighted(city) || city == selected_ ? 1.0f : kDimmed);
}

float Atlas::link_alpha(const DrawnLink& l) const {
    if (timeline_ >= last_year_ + kYearEnd && !playing_) return 1.0f;
    // A link appears with its year, or with the later of its cities when that comes after.
    int year = std::max(l.year, first_shown_[l.from]);
    if (l.to >= 0) year = std::max(year, first_shown_[l.to]);
    return fade(timeline_, year);
}

bool Atlas::highlighted(const DrawnLink& l) const { return network_ < 0 || l.network == network_; }

std::vector<int> Atlas::links_of(int city) const {
    std::vector<int> out;
    for (int i = 0; i < int(data_.links.size()); ++i)
        if (data_.links[i].from == city || data_.links[i].to == city) out.push_back(i);
    return out;
}

float Atlas::marker_radius(double zoom) {
    return float(std::clamp(4.5 + 1.3 * std::log2(std::max(zoom, 1.0)), 4.5, 10.0));
}

float Atlas::cluster_size(std::size_t members) { return float(1.3 + 0.25 * std::log2(double(members))); }

const std::vector<Cluster>& Atlas::clusters() const {
    const Camera& cam = camera_.current();
    const bool new_tree = cluster_tree_revision_ != visible_revision_ || cluster_tree_viewport_ != cam.viewport;
    if (new_tree) {
        // The most important cities seed groups first: Mexico's, then by id.
        std::vector<int> order = visible_;
        std::stable_partition(order.begin(), order.end(), [&](int i) { return data_.cities[i].country == "MX"; });
        ClusterTree::Options o;
        o.min_scale = cam.min_scale();
        o.max_zoom = Camera::kMaxZoom;
        o.viewport = cam.viewport;
        // Markers closer than about their diameter would overlap.
        o.radius_px = [](double zoom) { return 2.2 * marker_radius(zoom) + 1; };
        o.disc_px = [](double zoom, int count) { return marker_radius(zoom) * (count > 1 ? cluster_size(count) : 1); };
        // Dense data: a screenful holds about a marker per 48 px square, and a few hundred at most.
        o.budget = std::clamp(int(cam.viewport.x * cam.viewport.y / (48 * 48)), 100, 400);
        cluster_tree_ = ClusterTree(positions_, order, o);
        cluster_tree_revision_ = visible_revision_;
        cluster_tree_viewport_ = cam.viewport;
    }
    const int level = cluster_tree_.level(cam.scale / cam.min_scale());
    if (new_tree || level != clusters_level_ || clusters_set_revision_ != set_revision_) {
        // The selected city always stands alone.
        clusters_ = cluster_tree_.cut(level, selected_ >= 0 && is_visible_[selected_] ? selected_ : -1);
        clusters_level_ = level;
        clusters_set_revision_ = set_revision_;
        ++clusters_generation_;
    }
    return clusters_;
}

unsigned Atlas::cluster_generation() const {
    clusters();
    return clusters_generation_;
}

const Atlas::Inset& Atlas::inset() const {
    const Camera& cam = camera_.current();
    // What it holds (Mexico's cities shown, its camera, their markers) changes with the cities shown
    // and its size; whether and where it shows, with the main camera. An animated zoom or flight
    // shows or hides it once it ends, not at the frame it crosses kInsetMaxZoom: the compositor's
    // pictures of a zoom (platform.h) could not show that, so it would cost a frame drawn mid-zoom
    // (150 ms with a software GL).
    const bool content = inset_set_revision_ != set_revision_ || inset_content_size_ != inset_size_;
    const bool placed_for_view = inset_placed_layout_ == inset_layout_ && inset_placed_along_ == inset_along_;
    if (content) {
        inset_set_revision_ = set_revision_;
        inset_content_size_ = inset_size_;
        inset_.cities.clear();
        inset_.markers.clear();
        for (int i : visible_)
            if (data_.cities[i].country == "MX") inset_.cities.push_back(i);
        if (!inset_.cities.empty()) {
            // It frames all of Mexico's cities, whatever is shown now, so that it stays still while
            // the filters or the timeline change what is in it.
            Bounds b;
            for (std::size_t i = 0; i < data_.cities.size(); ++i)
                if (data_.cities[i].country == "MX") b.include(positions_[i]);
            const double w = inset_size_.x, h = inset_size_.y;
            const glm::dvec2 size = glm::max(b.max - b.min, glm::dvec2(0.05));
            inset_.camera = {};
            inset_.camera.viewport = {w, h};
            inset_.camera.center = (b.min + b.max) * 0.5;
            inset_.camera.scale = std::min((w - 40) / size.x, (h - 40) / size.y);  // the whole-world clamp does not apply
            // Mexico's cities are each shown, even where they touch, unless there are too many to
            // read: then they group as on the main map.
            ClusterTree::Options o;
            o.min_scale = inset_.camera.scale;
            o.viewport = inset_size_;
            o.budget = kInsetMarkerBudget;
            o.disc_px = [](double, int count) { return kInsetMarkerPx * (count > 1 ? cluster_size(count) : 1); };
            o.max_radius_px = 40;
            inset_.markers = ClusterTree(positions_, inset_.cities, o).cut(0, selected_ >= 0 && is_visible_[selected_] ? selected_ : -1);
        }
    }
    if (content || !placed_for_view || (inset_scale_ != cam.scale && !camera_.moving())) {
        inset_placed_layout_ = inset_layout_;
        inset_scale_ = cam.scale;
        inset_placed_along_ = inset_along_;
        inset_.shown = !inset_.cities.empty() && cam.scale / cam.min_scale() < kInsetMaxZoom && inset_fits(cam);
        inset_.rect = inset_.shown ? inset_rect(cam, inset_size_, inset_along_) : Rect{};
    }
    return inset_;
}

const Cluster* Atlas::cluster_at(glm::dvec2 screen) const {
    const Inset& in = inset();
    const bool in_inset = in.shown && in.rect.contains(screen.x, screen.y);
    const Camera& cam = in_inset ? in.camera : camera_.current();
    const std::vector<Cluster>& markers = in_inset ? in.markers : clusters();
    if (in_inset) screen -= glm::dvec2(in.rect.x, in.rect.y);
    const double radius = in_inset ? kInsetMarkerPx : marker_radius(cam.scale / cam.min_scale());
    for (const Cluster& c : markers)
        if (c.members.size() > 1 && glm::length(cam.to_screen(c.center) - screen) <= radius * cluster_size(c.members.size()) + 2)
            return &c;
    return nullptr;
}

void Atlas::update(double dt) {
    if (playing_) {
        const int year_before = timeline_year();
        const double end = play_until_ > 0 ? play_until_ : last_year_ + kYearEnd;  // a tour step's years, or all
        timeline_ = std::min(timeline_ + speed_ * std::max(0.0, dt), end);
        if (timeline_ >= end) playing_ = false, play_until_ = 0;
        if (timeline_year() != year_before) refilter();
        else revision_ = next_revision();  // fades move on
    }
    camera_.update(dt);
}

void Atlas::adopt_view(const Atlas& old) {
    const Dataset& od = old.data_;
    for (std::size_t k = 0; k < data_.fields.size(); ++k) {
        const int i = od.find_field(data_.fields[k].id);
        if (i >= 0) filter_.fields[k] = old.filter_.fields[i];
    }
    for (std::size_t k = 0; k < data_.networks.size(); ++k) {
        const int i = od.find_network(data_.networks[k].id);
        if (i >= 0) filter_.networks[k] = old.filter_.networks[i];
    }
    filter_.year_from = old.filter_.year_from;
    filter_.year_to = old.filter_.year_to;
    filter_.region = old.filter_.region;
    filter_.include_former = old.filter_.include_former;
    selected_ = old.selected_ >= 0 ? data_.find_city(od.cities[old.selected_].id) : -1;
    hovered_ = -1;
    camera_ = old.camera_;
    framed_ = old.framed_;
    start_view_ = old.start_view_;
    timeline_ = std::clamp(old.timeline_, double(first_year_), last_year_ + kYearEnd);
    playing_ = old.playing_;
    speed_ = old.speed_;
    hub_style_ = old.hub_style_;
    reduced_motion_ = old.reduced_motion_;
    languages_ = old.languages_;
    language_ = old.language_;
    themes_ = old.themes_;
    theme_ = old.theme_;
    search_countries_ = old.search_countries_;
    search_fields_ = old.search_fields_;
    search_query_ = old.search_query_;
    presenter_ = old.presenter_, blank_ = old.blank_;
    if (old.tour_ >= 0) {  // the same tour at the same step, if the new data still has them
        tour_ = data_.find_tour(od.tours[old.tour_].id);
        step_ = tour_ >= 0 ? std::min(old.step_, int(data_.tours[tour_].steps.size()) - 1) : 0;
        play_until_ = tour_ >= 0 ? old.play_until_ : 0;
    }
    choose_network(old.network_ >= 0 ? data_.find_network(od.networks[old.network_].id) : -1);
    refilter();
    run_search();
}

// The inset needs room in the free part of the window.
bool Atlas::inset_fits(const Camera& cam) {
    return cam.viewport.x - cam.inset_left - cam.inset_right >= 2.4 * kInsetSize.x &&
           cam.viewport.y - cam.inset_top - cam.inset_bottom >= 2.4 * kInsetSize.y;
}

// The inset along the bottom (or, `along` > 1, the top) edge of the free part of the window: `along`
// 0 is the left corner, 1 the right one.
Rect Atlas::inset_rect(const Camera& cam, glm::dvec2 size, double along) {
    const double g = kInsetGap, top = along > 1;
    const double t = top ? along - 2 : along;
    const double left = cam.inset_left + g, right = cam.viewport.x - cam.inset_right - g - size.x;
    const double y = top ? cam.inset_top + g : cam.viewport.y - cam.inset_bottom - g / 2 - size.y;
    return {float(left + t * (right - left)), float(y), float(size.x), float(size.y)};
}

Camera Atlas::start_view() const {
    // Every city of the Global South and of Mexico, clear of the panels.
    Bounds b;
    for (std::size_t i = 0; i < data_.cities.size(); ++i)
        if (in_region(data_, data_.cities[i], Region::GlobalSouth) || in_region(data_, data_.cities[i], Region::Mexico))
            b.include(positions_[i]);
    if (b.empty()) b = {{-equal_earth::kMaxX, -equal_earth::kMaxY}, {equal_earth::kMaxX, equal_earth::kMaxY}};
    Camera c = camera_.current();
    c.fit(b, 24);
    return c;
}

// The inset goes where, in the start view, it covers no city of the Global South (Mexico's own are
// in it), nearest the bottom-left corner, as large as it can be there (down to 70 %); when no place
// is free, at full size where it covers the fewest. It stays there while the map moves.
void Atlas::place_inset() {
    const Camera start = start_view();
    std::vector<glm::dvec2> subject;
    for (std::size_t i = 0; i < data_.cities.size(); ++i)
        if (data_.cities[i].country != "MX" && in_region(data_, data_.cities[i], Region::GlobalSouth))
            subject.push_back(start.to_screen(positions_[i]));
    // By x: a place reads only the markers within its columns (100,000 cities: 130 -> 30 ms).
    std::sort(subject.begin(), subject.end(), [](glm::dvec2 a, glm::dvec2 b) { return a.x < b.x; });
    constexpr int kSteps = 24;  // places along the bottom edge, then along the top one
    auto best_place = [&](glm::dvec2 size, int& fewest) {
        double best = 0, best_score = 1e18;
        for (int k = 0; k < 2 * kSteps; ++k) {
            const double along = k < kSteps ? double(k) / (kSteps - 1) : 2 + double(k - kSteps) / (kSteps - 1);
            const Rect r = inset_rect(start, size, along);
            int covered = 0;  // a marker's radius around the inset counts too
            auto p = std::upper_bound(subject.begin(), subject.end(), r.x - 8, [](double x, glm::dvec2 q) { return x < q.x; });
            for (; p != subject.end() && p->x < r.x + r.w + 8; ++p) covered += p->y > r.y - 8 && p->y < r.y + r.h + 8;
            const double score = covered * 1e6 + along;  // then the nearest the bottom left
            if (score < best_score) best_score = score, best = along, fewest = covered;
        }
        return best;
    };
    glm::dvec2 size = kInsetSize;
    int covered = 0;
    double along = best_place(size, covered);
    for (double f : {0.85, 0.7}) {
        if (covered == 0) break;
        int smaller_covered = 0;
        const double smaller = best_place(kInsetSize * f, smaller_covered);
        if (smaller_covered == 0) size = kInsetSize * f, along = smaller, covered = 0;
    }
    inset_along_ = along, inset_size_ = size;  // inset() places it (and fills it, at a new size) again
}

void Atlas::set_viewport(glm::dvec2 size, const ScreenInsets& covered) {
    const bool at_start = at_start_view();
    camera_.set_viewport(size);
    covered_ = covered;
    update_insets(at_start);
    if (!framed_) {
        show_start_view(start_view(), false);
        framed_ = true;
    }
}

bool Atlas::at_start_view() const {
    const Camera& c = camera_.target();
    return framed_ && start_view_.scale > 0 && c.center == start_view_.center && c.scale == start_view_.scale;
}

void Atlas::show_start_view(const Camera& start, bool animated) {
    if (animated) camera_.fly_to(start, reduced_motion_);
    else camera_.jump(start);
    start_view_ = camera_.target();
}

void Atlas::update_insets(bool at_start) {
    const Camera before = camera_.target();
    const glm::dvec2 size = before.viewport;
    const double bottom = std::max(covered_.bottom, tour_ >= 0 ? covered_.caption : 0.0);
    camera_.set_insets(std::min(covered_.left, size.x * 0.5), std::min(covered_.right, size.x * 0.4),
                       std::min(covered_.top, size.y * 0.25), std::min(bottom, size.y * 0.6));
    // In a tour, a new layout (presenter mode, another language's caption, a resized window)
    // frames the step's cities again.
    const Camera& after = camera_.target();
    const double moved = std::abs(after.inset_left - before.inset_left) + std::abs(after.inset_right - before.inset_right) +
                         std::abs(after.inset_top - before.inset_top) + std::abs(after.inset_bottom - before.inset_bottom);
    if (tour_ >= 0 && moved > 8) frame_step(!camera_.moving());  // a flight under way is re-aimed
    const std::array<double, 6> layout{after.viewport.x, after.viewport.y, after.inset_left, after.inset_right,
                                       after.inset_top, after.inset_bottom};
    if (layout == inset_layout_) return;
    const bool resized = layout[0] != inset_layout_[0] || layout[1] != inset_layout_[1];
    inset_layout_ = layout, place_inset();
    // The start view, framed again for a new size (at once: the window changed at once) or for
    // what covers the map above and below (eased: the map makes room for the sheet that rose).
    // Not: beside a column that was not there when it was framed (a city's details on a desktop:
    // the map stays as the person saw it); in a tour (it frames its step); while a city is chosen
    // (the map shows it: App::keep_selection_in_view); for a few pixels (the panels' first
    // measures at start-up: not worth moving the map).
    const bool same_sides = after.inset_left == start_view_.inset_left && after.inset_right == start_view_.inset_right;
    if (!at_start || !same_sides || tour_ >= 0 || selected_ >= 0) return;
    const Camera start = start_view();
    if (glm::length(start.center - after.center) * after.scale > kReframePx || std::abs(std::log(start.scale / after.scale)) > 0.05)
        show_start_view(start, !resized);
}

int Atlas::pick(glm::dvec2 screen) const {
    const Inset& in = inset();
    const bool in_inset = in.shown && in.rect.contains(screen.x, screen.y);
    std::vector<int> singles;  // cities inside a cluster are not drawn, so not picked
    for (const auto& c : in_inset ? in.markers : clusters())
        if (c.members.size() == 1) singles.push_back(c.members[0]);
    if (in_inset) return pick_city(positions_, singles, in.camera, screen - glm::dvec2(in.rect.x, in.rect.y), kPickRadiusPx);
    return pick_city(positions_, singles, camera_.current(), screen, kPickRadiusPx);
}

namespace {
// {"id": null}, {"id": ""} and no "id" all mean "none".
bool no_id(const json& a) {
    auto it = a.find("id");
    return it == a.end() || it->is_null() || (it->is_string() && it->get_ref<const std::string&>().empty());
}
}  // namespace

int Atlas::city_arg(const json& a, std::string& error) const {
    if (no_id(a)) return -1;
    auto it = a.find("id");
    if (!it->is_string()) {
        error = "\"id\" must be a city id string";
        return -2;
    }
    const int index = data_.find_city(it->get<std::string>());
    if (index < 0) error = "no city with id \"" + it->get<std::string>() + "\"";
    return index < 0 ? -2 : index;
}

namespace {
bool number_arg(const json& a, const char* key, double& out, std::string& error, bool required = true) {
    auto it = a.find(key);
    if (it == a.end()) {
        if (required) error = std::string("\"") + key + "\" is required";
        return !required;
    }
    if (!it->is_number() || !std::isfinite(it->get<double>())) {
        error = std::string("\"") + key + "\" must be a number";
        return false;
    }
    out = it->get<double>();
    return true;
}
}  // namespace

std::string Atlas::apply(const json& a) {
    if (!a.is_object()) return "an action must be an object like {\"type\":\"select\",\"id\":\"mx-puebla\"}";
    auto type_it = a.find("type");
    if (type_it == a.end() || !type_it->is_string()) return "an action needs a \"type\" string";
    const std::string type = type_it->get<std::string>();
    std::string error;

    if (type == "filter") {
        Filter next = filter_;
        if (auto it = a.find("fields"); it != a.end()) {
            if (!it->is_array()) return "\"fields\" must be an array of field names or ids";
            next.fields.assign(data_.fields.size(), false);
            for (auto& f : *it) {
                const int k = f.is_string() ? data_.find_field(f.get<std::string>()) : -1;
                if (k < 0) return "unknown creative field " + utf8_prefix(to_text(f), 80);
                next.fields[k] = true;
            }
        }
        if (auto it = a.find("networks"); it != a.end()) {
            if (!it->is_array()) return "\"networks\" must be an array of network ids";
            next.networks.assign(data_.networks.size(), false);
            for (auto& n : *it) {
                const int k = n.is_string() ? data_.find_network(n.get<std::string>()) : -1;
                if (k < 0 || !data_.networks[k].is_city_group()) return "unknown city network " + utf8_prefix(to_text(n), 80);
                next.networks[k] = true;
            }
            for (std::size_t k = 0; k < data_.networks.size(); ++k)  // link kinds are not city groups
                if (!data_.networks[k].is_city_group()) next.networks[k] = true;
        }
        if (auto it = a.find("region"); it != a.end())
            if (!it->is_string() || !parse_region(it->get<std::string>(), next.region))
                return "\"region\" must be \"world\", \"global-south\" or \"mexico\"";
        if (auto it = a.find("includeFormer"); it != a.end()) {
            if (!it->is_boolean()) return "\"includeFormer\" must be true or false";
            next.include_former = it->get<bool>();
        }
        set_filter(next);
    } else if (type == "years") {
        double from = filter_.year_from, to = filter_.year_to;
        if (!number_arg(a, "from", from, error, false) || !number_arg(a, "to", to, error, false)) return error;
        if (from > to) return "\"from\" must not be after \"to\"";
        filter_.year_from = int(std::clamp(from, -1e6, 1e6));
        filter_.year_to = int(std::clamp(to, -1e6, 1e6));
        refilter();
    } else if (type == "select" || type == "hover") {
        const int index = city_arg(a, error);
        if (index == -2) return error;
        if (type == "select") {
            select(index);
        } else if (index != hovered_) {
            hovered_ = index;
            revision_ = next_revision();
        }
    } else if (type == "flyTo") {
        const int index = city_arg(a, error);
        if (index < 0) return error.empty() ? "\"id\" is required" : error;
        Camera c = camera_.target();
        c.scale = std::max(c.scale, c.min_scale() * 12);
        c.centre_on(positions_[index]);
        camera_.fly_to(c, reduced_motion_);
    } else if (type == "zoom") {
        const glm::dvec2 mid = camera_.current().viewport * 0.5;
        double factor = 0, x = mid.x, y = mid.y;
        if (!number_arg(a, "factor", factor, error) || !number_arg(a, "x", x, error, false) ||
            !number_arg(a, "y", y, error, false))
            return error;
        if (factor <= 0) return "\"factor\" must be positive";
        camera_.zoom_at({x, y}, std::clamp(factor, 1e-3, 1e3));
    } else if (type == "pan") {
        double dx = 0, dy = 0;
        if (!number_arg(a, "dx", dx, error) || !number_arg(a, "dy", dy, error)) return error;
        camera_.pan_pixels({std::clamp(dx, -1e5, 1e5), std::clamp(dy, -1e5, 1e5)}, true);
    } else if (type == "home") {
        show_start_view(start_view(), true);
    } else if (type == "reset") {
        tour_ = -1, step_ = 0, play_until_ = 0;
        update_insets();
        filter_ = everything_;
        selected_ = hovered_ = -1;
        choose_network(-1);
        playing_ = false;
        timeline_ = last_year_ + kYearEnd;
        refilter();
        show_start_view(start_view(), true);
    } else if (type == "year") {
        double year = 0;
        if (!number_arg(a, "year", year, error)) return error;
        if (year < first_year_ || year > last_year_)
            return "\"year\" must be within " + std::to_string(first_year_) + ".." + std::to_string(last_year_);
        set_timeline_year(int(std::floor(year)));
    } else if (type == "play") {
        play_until_ = 0;
        if (timeline_ >= last_year_ + kYearEnd) timeline_ = first_year_;
        playing_ = true;
        refilter();
    } else if (type == "pause") {
        playing_ = false;
        revision_ = next_revision();
    } else if (type == "speed") {
        double v = 0;
        if (!number_arg(a, "yearsPerSecond", v, error)) return error;
        if (v < 0.1 || v > 20) return "\"yearsPerSecond\" must be within 0.1..20";
        speed_ = v;
    } else if (type == "network") {
        int n = -1;
        if (!no_id(a)) {
            const json& id = a["id"];
            n = id.is_string() ? data_.find_network(id.get<std::string>()) : -1;
            if (n < 0) return "no network with id " + utf8_prefix(to_text(id), 80);
        }
        choose_network(n);
        revision_ = next_revision();
    } else if (type == "networkStyle") {
        auto it = a.find("style");
        if (it == a.end() || !it->is_string() || (*it != "hub" && *it != "pairs"))
            return "\"style\" must be \"hub\" or \"pairs\"";
        set_hub_style(*it == "hub");
    } else if (type == "fit") {
        auto it = a.find("ids");
        if (it == a.end() || !it->is_array() || it->empty()) return "\"ids\" must be a non-empty array of city ids";
        Bounds b;
        for (const auto& id : *it) {
            const int i = id.is_string() ? data_.find_city(id.get<std::string>()) : -1;
            if (i < 0) return "no city with id " + utf8_prefix(to_text(id), 80);
            b.include(positions_[i]);
        }
        Camera c = camera_.target();
        c.fit(b, 90);
        camera_.fly_to(c, reduced_motion_);
    } else if (type == "view") {
        auto it = a.find("view");
        if (it == a.end() || !it->is_object()) return "\"view\" must be an object (see state().view)";
        auto t = a.find("transition");
        if (t != a.end() && (!t->is_string() || (*t != "fly" && *t != "cut"))) return "\"transition\" must be \"fly\" or \"cut\"";
        std::vector<std::string> notices;
        const ViewState v = view_from_json(*it, notices);
        apply_view(v, std::move(notices), reduced_motion_ || (t != a.end() && *t == "cut"));
    } else if (type == "viewFromUrl") {
        auto it = a.find("hash");
        if (it == a.end() || !it->is_string()) return "\"hash\" must be a string (the part of a link after '#')";
        std::vector<std::string> notices;
        ViewState v = view_from_url(it->get_ref<const std::string&>(), notices);
        // What a link leaves out is at its default: as at start, or as its tour step shows it.
        const int t = v.tour && !v.tour->empty() ? data_.find_tour(*v.tour) : -1;
        const int step = t >= 0 ? std::clamp(v.tour_step.value_or(1), 1, int(data_.tours[t].steps.size())) - 1 : 0;
        v.fill_from(t >= 0 ? step_defaults(t, step) : default_view());
        apply_view(v, std::move(notices), true);
    } else if (type == "language") {
        if (std::string e = one_of_arg(a, "lang", languages_, language_); !e.empty()) return e;
        revision_ = next_revision();
    } else if (type == "search") {
        auto it = a.find("query");
        if (it == a.end() || !it->is_string()) return "\"query\" must be a string";
        search_query_ = utf8_prefix(it->get<std::string>(), 200);
        run_search();
        revision_ = next_revision();
    } else if (type == "reveal") {
        const int index = city_arg(a, error);
        if (index < 0) return error.empty() ? "\"id\" is required" : error;
        // Each filter that hides the city opens just enough to let it through.
        Filter f = filter_;
        const City& c = data_.cities[index];
        if (!in_region(data_, c, f.region)) f.region = Region::World;
        for (const auto& g : c.designations) {
            if (g.field >= 0) f.fields[g.field] = true;
            if (g.network >= 0) f.networks[g.network] = true;
            f.year_from = std::min(f.year_from, g.year);
            f.year_to = std::max(f.year_to, g.year);
        }
        if (std::all_of(c.designations.begin(), c.designations.end(), [](const Designation& g) { return g.former; }))
            f.include_former = true;
        set_filter(f);
        if (!is_visible_[index]) set_timeline_position(last_year_ + kYearEnd);  // not yet on the timeline: the whole span
        run_search();
    } else if (type == "reducedMotion") {
        auto it = a.find("on");
        if (it == a.end() || !it->is_boolean()) return "\"on\" must be true or false";
        reduced_motion_ = it->get<bool>();
    } else {
        return apply_tour_action(type, a);  // tours and presenter mode (atlas_tour.cpp), or unknown
    }
    return {};
}

void Atlas::set_filter(const Filter& f) {
    filter_ = f;
    refilter();
}

void Atlas::select(int city) {
    if (city == selected_) return;  // (a new revision would draw the same frame again)
    selected_ = city;
    revision_ = set_revision_ = next_revision();
}

void Atlas::set_timeline_year(int year) {
    timeline_ = year + kYearEnd;
    playing_ = false, play_until_ = 0;
    refilter();
}

void Atlas::set_timeline_position(double position) {
    timeline_ = std::clamp(position, double(first_year_), last_year_ + kYearEnd);
    playing_ = false, play_until_ = 0;
    refilter();
}

void Atlas::set_hub_style(bool hub) {
    hub_style_ = hub;
    refilter();
}

void Atlas::set_camera(double lon, double lat, double zoom, bool cut, double seconds) {
    Camera c = camera_.target();
    c.scale = zoom * c.min_scale();
    c.center = equal_earth::forward(lon, lat);
    framed_ = true;  // a view's camera is not replaced by the start view when the window opens
    camera_.fly_to(c, cut, seconds);
}

void Atlas::set_languages(std::vector<std::string> codes) {
    if (codes.empty()) return;
    languages_ = std::move(codes);
    if (!has_language(language_)) language_ = languages_.front();
}

void Atlas::set_themes(std::vector<std::string> ids) {
    if (ids.empty()) return;
    themes_ = std::move(ids);
    if (std::find(themes_.begin(), themes_.end(), theme_) == themes_.end()) theme_ = themes_.front();
}

bool Atlas::has_language(const std::string& code) const {
    return std::find(languages_.begin(), languages_.end(), code) != languages_.end();
}

// The filter parts of a view: ids of the fields and city groups on, region, former, years.
ViewState Atlas::filter_view(const Filter& f) const {
    ViewState v;
    v.fields.emplace();
    for (std::size_t k = 0; k < data_.fields.size(); ++k)
        if (f.fields[k]) v.fields->push_back(data_.fields[k].id);
    v.networks.emplace();
    for (std::size_t k = 0; k < data_.networks.size(); ++k)
        if (data_.networks[k].is_city_group() && f.networks[k]) v.networks->push_back(data_.networks[k].id);
    v.region = region_id(f.region);
    v.include_former = f.include_former;
    v.year_from = f.year_from, v.year_to = f.year_to;
    return v;
}

ViewState Atlas::view() const {
    ViewState v = filter_view(filter_);
    const Camera& cam = camera_.target();
    double lon = 0, lat = 0;
    equal_earth::inverse(cam.center, lon, lat);
    v.lon = lon, v.lat = lat, v.zoom = cam.scale / cam.min_scale();
    v.timeline_year = timeline_year();
    v.selected = selected_ >= 0 ? data_.cities[selected_].id : "";
    v.network = network_ >= 0 ? data_.networks[network_].id : "";
    v.network_style = hub_style_ ? "hub" : "pairs";
    v.language = language_;
    v.tour = tour_ >= 0 ? data_.tours[tour_].id : "";
    if (tour_ >= 0) v.tour_step = step_ + 1;
    v.presenter = presenter_;
    v.theme = theme_;
    return v;
}

ViewState Atlas::default_view() const {
    ViewState v = filter_view(everything_);
    v.timeline_year = last_year_;
    v.selected = "", v.network = "", v.network_style = "pairs";
    v.tour = "", v.presenter = false;
    return v;
}

std::string Atlas::view_link() const {
    const ViewState defaults = link_defaults();
    return view_to_url(rounded_for_url(view()), &defaults);
}

void Atlas::apply_view(const ViewState& v, std::vector<std::string> notices, bool cut, double seconds) {
    auto skip = [&](const std::string& what) { notices.push_back("view: " + what + "; skipped"); };
    // The tour first: its step sets what the rest of the view does not name otherwise.
    if (v.tour && v.tour->empty()) {
        tour_ = -1, step_ = 0, play_until_ = 0;
        update_insets();
    } else if (v.tour) {
        if (const int t = data_.find_tour(*v.tour); t < 0) {
            skip("no tour \"" + *v.tour + "\"");
        } else {
            const int steps = int(data_.tours[t].steps.size());
            int step = v.tour_step.value_or(1);
            if (step > steps) skip("the tour has " + std::to_string(steps) + " steps, not " + std::to_string(step));
            go_to_step(t, std::clamp(step, 1, steps) - 1, cut);
        }
    } else if (v.tour_step && tour_ >= 0) {  // a step of the tour running
        go_to_step(tour_, std::clamp(*v.tour_step, 1, int(data_.tours[tour_].steps.size())) - 1, cut);
    }
    if (v.presenter) presenter_ = *v.presenter, blank_ = blank_ && presenter_;
    Filter f = filter_;
    if (v.fields) {
        f.fields.assign(data_.fields.size(), false);
        for (const auto& id : *v.fields)
            if (const int k = data_.find_field(id); k >= 0) f.fields[k] = true;
            else skip("no creative field \"" + id + "\"");
    }
    if (v.networks) {
        for (std::size_t k = 0; k < data_.networks.size(); ++k) f.networks[k] = !data_.networks[k].is_city_group();
        for (const auto& id : *v.networks)
            if (const int k = data_.find_network(id); k >= 0 && data_.networks[k].is_city_group()) f.networks[k] = true;
            else skip("no city group \"" + id + "\"");
    }
    if (v.region) parse_region(*v.region, f.region);
    if (v.include_former) f.include_former = *v.include_former;
    if (v.year_from && v.year_to) f.year_from = *v.year_from, f.year_to = *v.year_to;
    filter_ = f;
    if (v.network_style) hub_style_ = *v.network_style == "hub";
    if (v.timeline_year) {
        if (*v.timeline_year >= first_year_ && *v.timeline_year <= last_year_) {
            timeline_ = *v.timeline_year + kYearEnd;
            playing_ = false;
        } else {
            skip("the year " + std::to_string(*v.timeline_year) + " is outside the data's " + std::to_string(first_year_) +
                 ".." + std::to_string(last_year_));
        }
    }
    refilter();
    if (v.selected) {
        const int i = v.selected->empty() ? -1 : data_.find_city(*v.selected);
        if (i >= 0 || v.selected->empty()) select(i);
        else skip("no city \"" + *v.selected + "\"");
    }
    if (v.network) {
        const int n = v.network->empty() ? -1 : data_.find_network(*v.network);
        if (n >= 0 || v.network->empty()) {
            choose_network(n);
            revision_ = next_revision();
        } else {
            skip("no network \"" + *v.network + "\"");
        }
    }
    if (v.theme) {
        if (std::find(themes_.begin(), themes_.end(), *v.theme) != themes_.end()) theme_ = *v.theme, revision_ = next_revision();
        else skip("no theme \"" + *v.theme + "\"");
    }
    if (v.language) {
        if (has_language(*v.language)) {
            language_ = *v.language;
            revision_ = next_revision();
        } else {
            skip("no catalogue for the language \"" + *v.language + "\"");
        }
    }
    if (v.lon && v.lat && v.zoom) set_camera(*v.lon, *v.lat, *v.zoom, cut, seconds);
    view_notices_ = std::move(notices);
}

void Atlas::set_search_names(std::vector<std::pair<std::string, std::string>> countries,
                             std::vector<std::pair<int, std::string>> fields) {
    search_countries_ = std::move(countries);
    search_fields_ = std::move(fields);
    search_index_ = {};
    run_search();
}

void Atlas::run_search() {
    if (search_query_.empty()) {
        search_results_.clear();
        return;
    }
    if (search_index_.empty()) search_index_.build(data_, search_countries_, search_fields_);
    search_results_ = search_index_.find(search_query_, is_visible_);
}

std::vector<std::string> Atlas::hidden_by(int city) const {
    std::vector<std::string> out, failing;
    if (city < 0 || is_visible(city)) return out;
    const City& c = data_.cities[city];
    // Every filter wide open, and how to take one facet of a filter over to another.
    Filter open = everything_;
    open.until = 1e9;
    open.include_former = true;
    using Copy = void (*)(Filter& to, const Filter& from);
    const std::pair<const char*, Copy> facets[] = {
        {"region", [](Filter& t, const Filter& f) { t.region = f.region; }},
        {"fields", [](Filter& t, const Filter& f) { t.fields = f.fields; }},
        {"groups", [](Filter& t, const Filter& f) { t.networks = f.networks; }},
        {"years", [](Filter& t, const Filter& f) { t.year_from = f.year_from, t.year_to = f.year_to; }},
        {"timeline", [](Filter& t, const Filter& f) { t.until = f.until; }},
        {"former", [](Filter& t, const Filter& f) { t.include_former = f.include_former; }}};
    // The filters that would show the city if they alone were opened; if none alone would, all
    // that it fails on their own.
    for (const auto& [name, copy] : facets) {
        Filter opened = filter_, alone = open;
        copy(opened, open);
        copy(alone, filter_);
        if (city_passes(data_, opened, c)) out.push_back(name);
        if (!city_passes(data_, alone, c)) failing.push_back(name);
    }
    return out.empty() ? failing : out;
}

json Atlas::act(const json& action) {
    const std::string error = apply(action);
    if (!error.empty()) return {{"error", error}};
    if (observer_) observer_(action);
    return state();
}

json Atlas::state() const {
    json fields = json::array(), networks = json::array(), by_field = json::object(), by_network = json::object();
    for (std::size_t k = 0; k < data_.fields.size(); ++k) {
        if (filter_.fields[k]) fields.push_back(data_.fields[k].name);
        by_field[data_.fields[k].name] = counts_.by_field[k];
    }
    for (std::size_t k = 0; k < data_.networks.size(); ++k) {
        if (!data_.networks[k].is_city_group()) continue;
        if (filter_.networks[k]) networks.push_back(data_.networks[k].id);
        by_network[data_.networks[k].id] = counts_.by_network[k];
    }
    const Camera& cam = camera_.current();
    double lon = 0, lat = 0;
    equal_earth::inverse(cam.center, lon, lat);
    auto id_or_null = [&](int i) { return i >= 0 ? json(data_.cities[i].id) : json(nullptr); };
    return {
        {"filters", {{"fields", fields}, {"networks", networks}, {"region", region_id(filter_.region)},
                     {"yearFrom", filter_.year_from}, {"yearTo", filter_.year_to},
                     {"includeFormer", filter_.include_former}}},
        {"selected", id_or_null(selected_)},
        {"hovered", id_or_null(hovered_)},
        {"camera", {{"lon", lon}, {"lat", lat}, {"zoom", cam.scale / cam.min_scale()},
                    {"focus", {cam.focus().x, cam.focus().y}},
                    {"moving", camera_.moving()}, {"viewport", {cam.viewport.x, cam.viewport.y}}}},
        {"counts", {{"visible", counts_.visible}, {"total", int(data_.cities.size())}, {"links", int(drawn_links_.size())},
                    {"linksBundled", links_bundled()}, {"byField", by_field}, {"byNetwork", by_network}}},
        {"years", {{"first", first_year_}, {"last", last_year_}}},
        {"timeline", {{"year", timeline_year()}, {"position", timeline_}, {"playing", playing_}, {"speed", speed_}}},
        {"network", network_ >= 0 ? json(data_.networks[network_].id) : json(nullptr)},
        {"networkStyle", hub_style_ ? "hub" : "pairs"},
        {"inset", inset_json()},
        {"reducedMotion", reduced_motion_},
        {"language", language_},
        {"tour", state_tour()},
        {"presenter", presenter_},
        {"blank", blank_},
        {"theme", theme_},
        {"view", view_to_json(view())},
        {"viewUrl", view_link()},
        {"viewNotices", view_notices_},
        {"search", search_json()},
        {"data", data_status()},
    };
}

json Atlas::search_json() const {
    json results = json::array();
    for (const auto& r : search_results_) {
        json hidden = hidden_by(r.city);
        results.push_back({{"id", data_.cities[r.city].id}, {"name", data_.cities[r.city].local_name}, {"why", r.why},
                           {"hiddenBy", hidden}});
    }
    return {{"query", search_query_}, {"results", results}};
}

json Atlas::inset_json() const {
    const Inset& in = inset();
    if (!in.shown) return nullptr;
    json j = in.rect;
    j["cities"] = int(in.cities.size());
    j["markers"] = int(in.markers.size());  // fewer than the cities where too many are grouped
    return j;
}

json Atlas::data_status() const {
    json problems = json::array();
    int errors = 0;
    for (const auto& p : problems_) {
        if (problems.size() < kMaxProblemsInState) problems.push_back(p.to_string());
        errors += p.severity == Problem::Severity::Error;
    }
    return {{"problems", problems}, {"errors", errors}, {"warnings", int(problems_.size()) - errors},
            {"rejected", rejected_}, {"cities", int(data_.cities.size())}, {"links", int(data_.links.size())}};
}

json Atlas::links_json() const {
    json out = json::array();
    for (const auto& l : drawn_links_)
        out.push_back({{"from", data_.cities[l.from].id},
                       {"to", l.to >= 0 ? data_.cities[l.to].id : "hub:" + data_.networks[l.network].id},
                       {"kind", data_.networks[l.network].id},
                       {"year", l.year ? json(l.year) : json(nullptr)},
                       {"id", l.link >= 0 ? json(data_.links[l.link].id) : json(nullptr)}});
    return out;
}

json Atlas::clusters_json() const {
    json out = json::array();
    const Camera& cam = camera_.current();
    for (const auto& c : clusters()) {
        if (c.members.size() < 2) continue;
        json ids = json::array();
        for (int m : c.members) ids.push_back(data_.cities[m].id);
        const glm::dvec2 s = cam.to_screen(c.center);
        out.push_back({{"x", s.x}, {"y", s.y}, {"count", int(c.members.size())}, {"ids", ids}});
    }
    return out;
}

json Atlas::city_json(int index) const {
    const City& c = data_.cities[index];
    json designations = json::array();
    for (auto& g : c.designations)
        designations.push_back({{"network", data_.networks[g.network].id},
                                {"field", g.field >= 0 ? json(data_.fields[g.field].name) : json(nullptr)},
                                {"year", g.year}});
    return {{"id", c.id}, {"name", c.name}, {"localName", c.local_name}, {"country", c.country},
            {"lat", c.lat}, {"lon", c.lon}, {"designations", designations}};
}

json Atlas::visible_cities() const {
    json out = json::array();
    for (int i : visible_) out.push_back(city_json(i));
    return out;
}

json Atlas::screen_position(const std::string& id) const {
    const int index = data_.find_city(id);
    if (index < 0) return {{"error", "no city with id \"" + id + "\""}};
    // Where a person would click it: in the inset of Mexico when the inset shows it.
    const Inset& in = inset();
    if (in.shown && std::find(in.cities.begin(), in.cities.end(), index) != in.cities.end()) {
        const glm::dvec2 s = in.camera.to_screen(positions_[index]) + glm::dvec2(in.rect.x, in.rect.y);
        return {{"x", s.x}, {"y", s.y}, {"onScreen", true}, {"inset", true}};
    }
    const Camera& cam = camera_.current();
    const glm::dvec2 s = cam.to_screen(positions_[index]);
    const bool on = s.x >= 0 && s.y >= 0 && s.x < cam.viewport.x && s.y < cam.viewport.y;
    return {{"x", s.x}, {"y", s.y}, {"onScreen", on}, {"inset", false}};
}

}  // namespace atlas
