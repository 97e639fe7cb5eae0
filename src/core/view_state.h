// The view: everything a person sees that can be shared or restored — camera, filters, year range,
// timeline year, selection, chosen network and link style, language, the tour and its step, and
// presenter mode. One value, written as JSON
// (the test API, the command line) and as the part of a link after '#'. Deep links, the kiosk's
// reset and tours apply a view through Atlas::apply_view; nothing keeps a second copy of the state.
//
// Every member is optional: a view read from a link or a tour step holds only what it names, and
// applying it changes only that. Atlas::view() gives a complete one.
//
// The link form, one key per part, defaults never needed (a short example):
//   #c=-99.133,19.433,4.2&f=design,music&g=uccn,mx-heritage&r=mexico&y=2004-2019&t=2017
//    &s=mx-guadalajara&n=twinning&ls=hub&former=1&lang=es
//   c: centre lon,lat (degrees) and zoom (1 = whole world)   f: creative fields (ids), '-' none
//   g: city groups (network ids)   r: world|global-south|mexico   y: designation years from-to
//   t: timeline year   s: selected city ('' none)   n: chosen network ('' none)   ls: hub|pairs
//   former: former members too (0|1)   lang: language code   tour: a tour's id ('' none)
//   step: its step, from 1   p: presenter mode (0|1)   th: theme (light|dark|high-contrast)
//
// Reading is hostile-input safe: unknown keys, wrong types, numbers out of range, bad ids, over-long
// or invalid percent-encoded values are each skipped with a short notice naming the part; the rest
// applies. Ids are only checked for shape here; Atlas::apply_view checks that they exist.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

struct ViewState {
    std::optional<double> lon, lat, zoom;
    std::optional<std::vector<std::string>> fields, networks;  // ids
    std::optional<std::string> region;
    std::optional<bool> include_former;
    std::optional<int> year_from, year_to;
    std::optional<int> timeline_year;
    std::optional<std::string> selected;  // "" = no selection
    std::optional<std::string> network;   // "" = no network chosen
    std::optional<std::string> network_style;
    std::optional<std::string> language;
    std::optional<std::string> tour;   // "" = no tour
    std::optional<int> tour_step;      // 1-based, with tour
    std::optional<bool> presenter;
    std::optional<std::string> theme;  // a theme's id (core/theme.h)

    bool operator==(const ViewState&) const = default;
    // Fills the parts this view does not name from `defaults`.
    void fill_from(const ViewState& defaults);
    // The same view but for the camera: a change here is a step a person took (a history entry),
    // while camera moves only update the current entry.
    bool same_except_camera(const ViewState& other) const;
};

// Limits of what a view may hold; values outside are notices, not clamps.
namespace view_limits {
constexpr double kMinZoom = 1, kMaxZoom = 400;
constexpr int kMinYear = 1900, kMaxYear = 2100;
constexpr std::size_t kMaxIdBytes = 80, kMaxIds = 64, kMaxLinkBytes = 4096;
constexpr int kMaxTourStep = 200;
}  // namespace view_limits

// Ids are lower-case ASCII letters, digits and - _ : . (what the data uses), 1..80 bytes.
bool valid_id(std::string_view id);

nlohmann::json view_to_json(const ViewState& v);
ViewState view_from_json(const nlohmann::json& j, std::vector<std::string>& notices);

// Without the leading '#'. Numbers are written with the precision the link keeps: 5 decimals for
// degrees (about a metre), 4 significant digits for the zoom. Parts equal to `defaults` are left
// out (a short link); a reader fills them back in from the same defaults.
std::string view_to_url(const ViewState& v, const ViewState* defaults = nullptr);
// Accepts the text with or without the leading '#'.
ViewState view_from_url(std::string_view hash, std::vector<std::string>& notices);

// Rounds numbers to the link's precision, so view -> link -> view is exact (view_from_url does it too).
ViewState rounded_for_url(ViewState v);

}  // namespace atlas
