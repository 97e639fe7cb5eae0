// Tours: stories the map tells by itself, step by step, for presenters, kiosks and visitors.
// A tour is data (assets/tours/*.json, format "atlas-sur/tours"; see assets/data/README.md and
// assets/schema/atlas-tour.schema.json), loaded and validated like every data file, so tours can
// also be given at run time (?data=, a dropped file, --load).
//
// A step is a partial view (core/view_state.h) over the default view: what it does not name is as
// at start (everything shown, the whole timeline, nothing selected), so a step looks the same
// whichever step came before, and a link can open a tour at any step. Besides the view a step may
// frame cities ("fit"), play the timeline through years ("play"), and say how to get there.
#pragma once
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/record_index.h"
#include "core/view_state.h"

namespace atlas {

// A text in several languages, by language code; English is always there.
struct Texts {
    std::map<std::string, std::string> by_language;
    const std::string& in(const std::string& language) const;  // English when the language is missing
    bool empty() const { return by_language.empty(); }
};

struct TourStep {
    Texts title, caption, notes;  // notes: for the presenter only
    ViewState view;               // no language: a tour is told in the viewer's language
    std::vector<std::string> fit;  // city ids to frame (when the view has no camera)
    std::optional<int> play_from, play_to;  // the timeline plays through these years
    bool cut = false;              // jump instead of flying
    double seconds = 0;            // the flight's duration (0: as far as the flight goes)
};

struct Tour {
    std::string id;
    Texts title, description;
    std::vector<TourStep> steps;
};

struct Dataset;
namespace records { class RecordSink; }

// Reads the tours (the array `key`: "tours") of a data file into `d.tours` (merged by id with
// earlier files). A step that names a city, field or network the data does not have is an error
// and is left out, and the rest of the tour loads; a tour without a valid step does not.
std::unique_ptr<records::RecordSink> tours_into(const std::string& file, const char* key, Dataset& d, records::RecordIndex& index);

}  // namespace atlas
