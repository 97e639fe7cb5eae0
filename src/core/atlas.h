// The atlas session: the loaded data plus what the user is looking at (filters, selection,
// camera), changed only through actions. One vocabulary of actions serves the panels, the keys,
// the web test API and the native command line:
//
//   {"type":"filter", "fields":[...], "networks":[...], "region":"world|global-south|mexico",
//                     "includeFormer":bool}          any subset of the keys; fields by id or name
//   {"type":"years", "from":2004, "to":2015}
//   {"type":"select", "id":"mx-puebla"}             id null or "" clears the selection
//   {"type":"hover", "id":...}                      as select, for the tooltip
//   {"type":"flyTo", "id":"mx-puebla"}              animates the camera to the city
//   {"type":"zoom", "factor":2, "x":..,"y":..}      about a screen point (default: the centre)
//   {"type":"pan", "dx":.., "dy":..}                in screen pixels
//   {"type":"home"}                                 the start view, filters kept
//   {"type":"reset"}                                filters, selection and view as at start
//   {"type":"year", "year":2015}                    the timeline: what existed up to that year
//   {"type":"play"} {"type":"pause"}                the timeline runs (from the first year if at the end)
//   {"type":"speed", "yearsPerSecond":2}
//   {"type":"network", "id":"mx-creative-network"}  highlights a network, dims the rest; id null: none
//   {"type":"networkStyle", "style":"hub|pairs"}    networks drawn as a hub or as links between all members
//   {"type":"reducedMotion", "on":true}             camera flights become cuts
//   {"type":"fit", "ids":["mx-puebla", ...]}         flies to show these cities (a cluster opening)
//   {"type":"view", "view":{...}, "transition":"fly|cut"}  applies a whole or partial view
//   {"type":"viewFromUrl", "hash":"c=...&s=..."}    the same from a link's part after '#' (a cut)
//   {"type":"language", "lang":"es"}                one of the languages the app has catalogues for
//   {"type":"search", "query":"queretaro"}          ranked suggestions in state().search (core/search.h)
//   {"type":"reveal", "id":"mx-puebla"}             widens the filters just enough to show the city
//   {"type":"tour", "id":"...", "step":1}           starts a tour (core/tour.h) at a step (from 1)
//   {"type":"tourNext"} {"type":"tourPrev"}         the next or previous step (none past the ends)
//   {"type":"tourExit"}                             leaves the tour; the map stays as it is
//   {"type":"presenter", "on":true}                 presenter mode: large type, only what an audience reads
//   {"type":"blank", "on":true}                     the map blanked to a neutral screen (presenters)
//   {"type":"theme", "id":"dark"}                   one of the themes (assets/themes/themes.json)
//
// A view that names what does not exist is applied in part: state().viewNotices says what was
// skipped (see core/view_state.h).
// act() returns the new state, or {"error": "..."} for an unknown or malformed action.
// state().camera.focus is the screen point where flyTo puts a city (the middle of the part of
// the map that panels do not cover).
#pragma once
#include <cmath>
#include <array>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/camera.h"
#include "core/cluster_tree.h"
#include "core/dataset_loader.h"
#include "core/declutter.h"
#include "core/filter.h"
#include "core/links.h"
#include "core/model.h"
#include "core/search.h"
#include "core/view_state.h"

namespace atlas {

// The parts of the window that panels cover, in logical pixels; framing and flying use the rest.
struct ScreenInsets {
    double left = 0, right = 0;  // the side column; presenter mode's legend
    double top = 0, bottom = 0;  // the top bar; the attribution line
    double caption = 0;          // a tour's caption bar at the bottom, while a tour runs
};

class Atlas {
public:
    explicit Atlas(Dataset data);
    // The data with what was wrong in its files (shown in the Data problems panel and the state).
    explicit Atlas(LoadResult loaded);
    // Takes over another session's view (filters, selection, camera) after new data was loaded,
    // so that nothing the user had is lost; what no longer exists is dropped.
    void adopt_view(const Atlas& previous);
    const std::vector<Problem>& problems() const { return problems_; }
    const std::vector<std::string>& rejected_files() const { return rejected_; }

    const Dataset& data() const { return data_; }
    const Filter& filter() const { return filter_; }
    const FilterCounts& counts() const { return counts_; }
    const std::vector<int>& visible() const { return visible_; }
    const std::vector<glm::dvec2>& positions() const { return positions_; }
    int selected() const { return selected_; }
    int hovered() const { return hovered_; }
    int first_year() const { return first_year_; }
    int last_year() const { return last_year_; }
    // Changes whenever what is drawn changes (visible set, selection, hover, fades), not on camera moves.
    unsigned revision() const { return revision_; }
    // Changes whenever the visible cities may have changed (filters, years, data), not on hover or camera moves.
    unsigned visible_revision() const { return visible_revision_; }

    // The timeline: `timeline_position()` runs continuously while playing; what existed up to
    // `timeline_year()` (its whole part) is shown.
    double timeline_position() const { return timeline_; }
    int timeline_year() const { return int(std::floor(timeline_)); }
    bool playing() const { return playing_; }
    double speed() const { return speed_; }
    // 0..1: how far a city has faded in (1 unless it appeared within the last moments of the timeline).
    float appear_alpha(int city) const;
    float link_alpha(const DrawnLink& l) const;
    // How strongly a city is drawn: faded in on the timeline, dimmed outside the chosen network.
    float city_opacity(int city) const;
    static constexpr float kDimmed = 0.22f;

    const std::vector<DrawnLink>& drawn_links() const { return drawn_links_; }
    // Dense data: past this many links, they are drawn as bundles between the markers shown (one
    // curve per pair of markers and network; render/link_layer.h), not as arcs one by one.
    static constexpr std::size_t kBundleLinksAbove = 600;
    bool links_bundled() const { return drawn_links_.size() > kBundleLinksAbove; }
    const LinkGeometry& link_geometry() const { return geometry_; }
    int chosen_network() const { return network_; }
    bool hub_style() const { return hub_style_; }
    bool reduced_motion() const { return reduced_motion_; }
    // Whether a city or drawn link belongs to the chosen network (true when none is chosen).
    bool highlighted(int city) const { return network_ < 0 || in_network_[city]; }
    bool highlighted(const DrawnLink& l) const;
    // The links of a city (data links, not spokes), for the Links panel.
    std::vector<int> links_of(int city) const;

    // Puts the timeline at a position (a year and its fraction), paused: a recording steps it frame by frame.
    void set_timeline_position(double position);

    // Advances the timeline and the camera.
    void update(double dt_seconds);

    // Markers as drawn at the current zoom: single cities, and clusters of close cities. Computed
    // again when the zoom, the visible cities or the selection change; `cluster_generation()`
    // changes with them.
    const std::vector<Cluster>& clusters() const;
    unsigned cluster_generation() const;
    // The cluster (of two or more cities) under a screen point, on the map or in the inset, or null.
    const Cluster* cluster_at(glm::dvec2 screen) const;
    // The inset map of Mexico, shown at world zooms so that Mexico's cities stay legible: where it
    // is on screen, its camera, and the cities it shows (all of Mexico's visible cities).
    struct Inset {
        bool shown = false;
        Rect rect;
        Camera camera;
        std::vector<int> cities;
        std::vector<Cluster> markers;  // the same cities, each alone unless too many (kInsetMarkerBudget)
    };
    const Inset& inset() const;
    static constexpr double kInsetMaxZoom = 2.5;  // closer than this, the main map shows Mexico well
    static constexpr glm::dvec2 kInsetSize{340, 240};
    static constexpr double kInsetGap = 12;
    static constexpr int kInsetMarkerBudget = 40;
    static constexpr double kInsetMarkerPx = 5.5;  // the radius of a city's marker in the inset
    static bool inset_fits(const Camera& cam);  // room for the inset in the free part of the window
    static Rect inset_rect(const Camera& cam, glm::dvec2 size, double along);

    // Marker radius in pixels at a zoom (times the whole-world scale): markers grow as the map opens up.
    static float marker_radius(double zoom);
    // A cluster's disc radius relative to a city marker's: grows slowly with its count.
    static float cluster_size(std::size_t members);

    CameraController& camera() { return camera_; }
    const CameraController& camera_controller() const { return camera_; }
    // Also frames the start view the first time; `covered` says what the panels cover. While the
    // map shows the start view (no one has moved it since) and no city is chosen, a new size or new
    // panels above or below it (a phone's sheet rising) frame it again for the part left free.
    void set_viewport(glm::dvec2 size, const ScreenInsets& covered = {});
    Camera start_view() const;
    bool at_start_view() const;  // the camera still goes where the start view was framed last

    // The view (core/view_state.h): what a link, a tour step or the kiosk's reset restore.
    ViewState view() const;
    // What a link leaves out means this: everything shown, the whole timeline, nothing selected;
    // no camera and no language (a link without them keeps the reader's).
    ViewState default_view() const;
    // The link to the view shown now, short: parts at their default are left out.
    std::string view_link() const;
    // Applies what a view names; parts that cannot apply (unknown ids, years outside the data) are
    // skipped with a notice each, in view_notices(). `cut`: the camera jumps instead of flying.
    // `seconds` > 0: the camera's flight takes that long (a tour step's transition).
    void apply_view(const ViewState& v, std::vector<std::string> notices, bool cut, double seconds = 0);
    const std::vector<std::string>& view_notices() const { return view_notices_; }
    // Languages there are catalogues for (the first is the default); the view's language is one of them.
    void set_languages(std::vector<std::string> codes);
    const std::string& language() const { return language_; }
    const std::vector<std::string>& languages() const { return languages_; }
    bool has_language(const std::string& code) const;
    // Themes there are (the first is the default); the view's theme is one of them.
    void set_themes(std::vector<std::string> ids);
    const std::string& theme() const { return theme_; }

    // Tours (core/tour.h): the tour running (an index into data().tours, or -1) and its step (from 0).
    int tour() const { return tour_; }
    int tour_step() const { return step_; }
    const TourStep* current_step() const { return tour_ >= 0 ? &data_.tours[tour_].steps[step_] : nullptr; }
    bool presenter() const { return presenter_; }
    bool blank() const { return blank_; }
    // The tours in the view's language: id, title, description, the number of steps and each
    // step's title, caption and speaker notes (the Tours panel, the presenter console, the test API).
    nlohmann::json tours_json() const;
    nlohmann::json state_tour() const;  // {id, step (from 1), steps} or null

    // Search: names in the app's other languages to match too (countries by ISO code, fields by index).
    void set_search_names(std::vector<std::pair<std::string, std::string>> countries,
                          std::vector<std::pair<int, std::string>> fields);
    const std::string& search_query() const { return search_query_; }
    const std::vector<SearchResult>& search_results() const { return search_results_; }
    // Which filters hide a city (ids: "region", "fields", "groups", "years", "timeline", "former"); empty if shown.
    std::vector<std::string> hidden_by(int city) const;
    bool is_visible(int city) const { return city >= 0 && city < int(is_visible_.size()) && is_visible_[city]; }

    nlohmann::json act(const nlohmann::json& action);
    // Called with every action that succeeded (for --log-actions, and later tours and deep links).
    void on_action(std::function<void(const nlohmann::json&)> observer) { observer_ = std::move(observer); }
    nlohmann::json state() const;
    nlohmann::json visible_cities() const;
    nlohmann::json screen_position(const std::string& id) const;
    nlohmann::json city_json(int index) const;
    nlohmann::json data_status() const;  // problems of the data files, as the validator words them
    nlohmann::json inset_json() const;   // the inset's rectangle and city count, or null
    nlohmann::json search_json() const;  // {query, results: [{id, name, why, hiddenBy}]}
    nlohmann::json links_json() const;   // the links drawn now: {from, to, kind, year}
    nlohmann::json clusters_json() const;  // groups of two or more: {x, y (screen), count, ids}
    int pick(glm::dvec2 screen) const;

    static constexpr double kPickRadiusPx = 12;
    static constexpr double kYearEnd = 0.999;  // a year shown whole: its cities have faded in
    static constexpr std::size_t kMaxProblemsInState = 1000;  // the counts stay exact

private:
    std::string apply(const nlohmann::json& a);  // empty on success, else the error
    // Sets `out` to the string a[key] if it is one of `allowed` (a language, a theme); else the error.
    static std::string one_of_arg(const nlohmann::json& a, const char* key, const std::vector<std::string>& allowed,
                                  std::string& out);
    // Revisions are unique across sessions, so a renderer never mistakes new data for what it drew.
    static unsigned next_revision();
    void refilter();
    void relink();
    void choose_network(int network);
    int city_arg(const nlohmann::json& a, std::string& error) const;
    // The setters actions and views share.
    void set_filter(const Filter& f);
    void select(int city);
    void set_timeline_year(int year);
    void set_hub_style(bool hub);
    void set_camera(double lon, double lat, double zoom, bool cut, double seconds = 0);
    ViewState filter_view(const Filter& f) const;
    // Tours (atlas_tour.cpp).
    std::string apply_tour_action(const std::string& type, const nlohmann::json& a);
    void go_to_step(int tour, int step, bool cut);
    void frame_step(bool cut, double seconds = 0);  // the step's cities, in the free part of the map
    ViewState step_defaults(int tour, int step) const;  // what a link at this step leaves out
    ViewState link_defaults() const;                    // step_defaults of the tour running, or default_view

    Dataset data_;
    std::vector<Problem> problems_;
    std::vector<std::string> rejected_;
    Filter filter_;
    Filter everything_;  // Filter::all of the data, made once (a walk of every designation)
    FilterCounts counts_;
    std::vector<int> visible_;
    std::vector<glm::dvec2> positions_;
    int selected_ = -1, hovered_ = -1;
    int first_year_ = 2004, last_year_ = 2025;
    unsigned revision_ = 0;
    unsigned set_revision_ = 0;  // changes only with the visible cities or the selection
    bool framed_ = false;
    double timeline_ = 0, speed_ = 1.5;
    bool playing_ = false, hub_style_ = false, reduced_motion_ = false;
    int network_ = -1;
    LinkGeometry geometry_;
    std::vector<DrawnLink> drawn_links_;
    std::vector<bool> is_visible_;
    std::vector<int> first_shown_;   // by city: the first year it is shown, whatever the timeline
    std::vector<bool> in_network_;   // by city: a member of the chosen network
    // The clusters (see clusters()): a tree for every zoom, built again when the visible cities or
    // the screen size change, and the markers of the level drawn now.
    mutable ClusterTree cluster_tree_;
    mutable unsigned cluster_tree_revision_ = 0;
    mutable glm::dvec2 cluster_tree_viewport_{0};
    mutable std::vector<Cluster> clusters_;
    mutable unsigned clusters_set_revision_ = 0, clusters_generation_ = 0;
    mutable int clusters_level_ = -1;
    unsigned visible_revision_ = 0;  // changes with the visible cities only
    mutable Inset inset_;
    mutable unsigned inset_set_revision_ = 0;
    mutable glm::dvec2 inset_content_size_{0};  // the size its content was made for
    double inset_along_ = 0;  // where along the bottom or top edge (see inset_rect)
    glm::dvec2 inset_size_ = kInsetSize;
    std::array<double, 6> inset_layout_{};  // the viewport and insets it was placed for
    void place_inset();
    mutable std::array<double, 6> inset_placed_layout_{};  // the layout (inset_layout_) it was placed in
    mutable double inset_scale_ = 0, inset_placed_along_ = -1;
    CameraController camera_;
    std::function<void(const nlohmann::json&)> observer_;
    std::vector<std::string> languages_{"en"};
    std::string language_ = "en";
    std::vector<std::string> themes_{"light"};
    std::string theme_ = "light";
    std::vector<std::string> view_notices_;
    int tour_ = -1, step_ = 0;
    ScreenInsets covered_;
    // The free part of the map: without the side column, and the caption bar in a tour. `at_start`:
    // the camera was at the start view before the change (it is framed again).
    void update_insets(bool at_start = false);
    void show_start_view(const Camera& start, bool animated);  // `start` (start_view()), kept in start_view_
    Camera start_view_ = {};  // where the camera was last sent to show the start view (at_start_view)
    static constexpr double kReframePx = 24;  // a start view framed again moves it further than this
    double play_until_ = 0;  // a tour step plays the timeline up to here (0: to its end)
    bool presenter_ = false, blank_ = false;
    std::vector<std::pair<std::string, std::string>> search_countries_;
    std::vector<std::pair<int, std::string>> search_fields_;
    mutable SearchIndex search_index_;  // built at the first search
    std::string search_query_;
    std::vector<SearchResult> search_results_;
    void run_search();
};

}  // namespace atlas
