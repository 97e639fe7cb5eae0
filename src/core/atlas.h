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
//
// act() returns the new state, or {"error": "..."} for an unknown or malformed action.
// state().camera.focus is the screen point where flyTo puts a city (the middle of the part of
// the map that panels do not cover).
#pragma once
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/camera.h"
#include "core/dataset_loader.h"
#include "core/filter.h"
#include "core/model.h"

namespace atlas {

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
    // Changes whenever what is drawn changes (visible set, selection, hover), not on camera moves.
    unsigned revision() const { return revision_; }

    CameraController& camera() { return camera_; }
    const CameraController& camera_controller() const { return camera_; }
    // Also frames the start view the first time; `left_inset` pixels are covered by panels.
    void set_viewport(glm::dvec2 size, double left_inset = 0);
    Camera start_view() const;

    nlohmann::json act(const nlohmann::json& action);
    // Called with every action that succeeded (for --log-actions, and later tours and deep links).
    void on_action(std::function<void(const nlohmann::json&)> observer) { observer_ = std::move(observer); }
    nlohmann::json state() const;
    nlohmann::json visible_cities() const;
    nlohmann::json screen_position(const std::string& id) const;
    nlohmann::json city_json(int index) const;
    nlohmann::json data_status() const;  // problems of the data files, as the validator words them
    int pick(glm::dvec2 screen) const;

    static constexpr double kPickRadiusPx = 12;
    static constexpr std::size_t kMaxProblemsInState = 1000;  // the counts stay exact

private:
    std::string apply(const nlohmann::json& a);  // empty on success, else the error
    void refilter();
    int city_arg(const nlohmann::json& a, std::string& error) const;

    Dataset data_;
    std::vector<Problem> problems_;
    std::vector<std::string> rejected_;
    Filter filter_;
    FilterCounts counts_;
    std::vector<int> visible_;
    std::vector<glm::dvec2> positions_;
    int selected_ = -1, hovered_ = -1;
    int first_year_ = 2004, last_year_ = 2025;
    unsigned revision_ = 0;
    bool framed_ = false;
    CameraController camera_;
    std::function<void(const nlohmann::json&)> observer_;
};

}  // namespace atlas
