// The tour, presenter and theme parts of the session (see core/tour.h and the actions in core/atlas.h).
#include <algorithm>

#include "core/atlas.h"
#include "core/json_io.h"

namespace atlas {
using json = nlohmann::json;

std::string Atlas::apply_tour_action(const std::string& type, const json& a) {
    auto on_arg = [&](bool& out) -> std::string {
        auto it = a.find("on");
        if (it == a.end() || !it->is_boolean()) return "\"on\" must be true or false";
        out = it->get<bool>();
        return {};
    };
    if (type == "tour") {
        auto id = a.find("id");
        const int t = id != a.end() && id->is_string() ? data_.find_tour(id->get<std::string>()) : -1;
        if (t < 0) return "no tour with id " + (id == a.end() ? std::string("(none given)") : utf8_prefix(to_text(*id), 80));
        const int steps = int(data_.tours[t].steps.size());
        int step = 1;
        if (auto s = a.find("step"); s != a.end()) {
            if (!s->is_number_integer() || s->get<long long>() < 1 || s->get<long long>() > steps)
                return "\"step\" must be a step of the tour, 1.." + std::to_string(steps);
            step = s->get<int>();
        }
        go_to_step(t, step - 1, reduced_motion_);
    } else if (type == "tourNext" || type == "tourPrev") {
        if (tour_ < 0) return "no tour is running";
        const int next = std::clamp(step_ + (type == "tourNext" ? 1 : -1), 0, int(data_.tours[tour_].steps.size()) - 1);
        if (next != step_) go_to_step(tour_, next, reduced_motion_);
    } else if (type == "tourExit") {
        tour_ = -1, step_ = 0;
        play_until_ = 0;
        update_insets();
        revision_ = next_revision();
    } else if (type == "presenter") {
        if (std::string e = on_arg(presenter_); !e.empty()) return e;
        if (!presenter_) blank_ = false;
        revision_ = next_revision();
    } else if (type == "theme") {
        if (std::string e = one_of_arg(a, "id", themes_, theme_); !e.empty()) return e;
        revision_ = next_revision();
    } else if (type == "blank") {
        if (std::string e = on_arg(blank_); !e.empty()) return e;
        revision_ = next_revision();
    } else {
        return "unknown action type \"" + type + "\"";
    }
    return {};
}

// A step is its view over the default one, so it looks the same whichever step came before.
ViewState Atlas::step_defaults(int tour, int step) const {
    const TourStep& s = data_.tours[tour].steps[step];
    ViewState v = s.view;
    if (s.play_to && !s.view.timeline_year)  // where its play ends
        v.timeline_year = std::clamp(*s.play_to, first_year_, last_year_);
    v.fill_from(default_view());  // not the tour itself: a link names it
    return v;
}

ViewState Atlas::link_defaults() const { return tour_ >= 0 ? step_defaults(tour_, step_) : default_view(); }

void Atlas::go_to_step(int tour, int step, bool cut) {
    tour_ = tour, step_ = step;
    update_insets();  // the caption bar takes room from now on
    const TourStep& s = data_.tours[tour].steps[step];
    ViewState v = step_defaults(tour, step);
    v.tour.reset(), v.tour_step.reset(), v.presenter.reset(), v.language.reset(), v.theme.reset();  // as they are
    const bool jump = cut || s.cut;
    apply_view(v, {}, jump, s.seconds);
    frame_step(jump, s.seconds);
    play_until_ = 0;
    if (s.play_from && s.play_to) {
        timeline_ = std::clamp(double(*s.play_from), double(first_year_), last_year_ + kYearEnd);
        play_until_ = std::clamp(*s.play_to + kYearEnd, timeline_, last_year_ + kYearEnd);
        playing_ = true;
        refilter();
    }
    revision_ = next_revision();
}

// Frames the step's cities in the free part of the map (between the panels, above the caption).
void Atlas::frame_step(bool cut, double seconds) {
    const TourStep* s = current_step();
    if (!s || s->fit.empty()) return;
    Bounds b;
    for (const auto& id : s->fit)
        if (const int i = data_.find_city(id); i >= 0) b.include(positions_[i]);
    Camera c = camera_.target();
    c.fit(b, 90);
    framed_ = true;
    camera_.fly_to(c, cut, seconds);
}

json Atlas::state_tour() const {
    if (tour_ < 0) return nullptr;
    const Tour& t = data_.tours[tour_];
    return {{"id", t.id}, {"step", step_ + 1}, {"steps", int(t.steps.size())}};
}

json Atlas::tours_json() const {
    json out = json::array();
    for (const Tour& t : data_.tours) {
        json outline = json::array();
        for (const TourStep& s : t.steps)
            outline.push_back({{"title", s.title.in(language_)}, {"caption", s.caption.in(language_)},
                               {"notes", s.notes.in(language_)}});
        out.push_back({{"id", t.id}, {"title", t.title.in(language_)}, {"description", t.description.in(language_)},
                       {"steps", int(t.steps.size())}, {"outline", outline}});
    }
    return out;
}

}  // namespace atlas
