// The Dear ImGui panels, one file each. Panels read the atlas and change it only through actions
// (Atlas::act), the same vocabulary the keys, the web test API and the command line use.
#pragma once
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/atlas.h"
#include "core/dataset_loader.h"
#include "core/i18n.h"
#include "core/declutter.h"
#include "core/statistics.h"
#include "core/theme.h"
#include "render/map_style.h"

struct ImGuiWindow;  // (imgui_internal.h)

namespace atlas::ui {

// Width of the panels along the left edge (filters, legend), and their margin.
constexpr float kSidePanelWidth = 360, kPanelMargin = 12, kDetailsWidth = 380;
// The right column's Links panel starts no lower than this share of the height, and the Details
// above it end before (each scrolls what does not fit).
constexpr float kLinksTopShare = 0.6f;
constexpr float kAttributionHeight = 40;  // the attribution line at the bottom, with its margin
constexpr float kMapControlsWidth = 44 + 2 * kPanelMargin;  // the map's buttons at the right edge

struct Fonts {
    std::string file;  // the font file's bytes, which the four sizes share (the atlas points into them)
    ImFont* body = nullptr;
    ImFont* title = nullptr;
    ImFont* caption = nullptr;  // a tour step's caption
    ImFont* huge = nullptr;     // the timeline's year (digits only)
};
// Pixel sizes of the fonts; presenter mode's are for an audience reading a shared screen.
struct FontSizes {
    float body, title, caption, year;
};
constexpr FontSizes kFontSizes{17, 27, 19, 64};
constexpr FontSizes kPresenterFontSizes{25, 40, 40, 128};

enum class SheetHeight { Peek, Half, Full };

// Frames in which '/' or Ctrl+F asks for the search box until it has the keyboard.
constexpr int kFocusSearchFrames = 4;

// What the panels show that is not part of the atlas (which panels are open).
struct UiState {
    float left_stack_y = 0;  // the side column: where the next panel starts (see begin_side_panel)
    bool about_open = false;
    std::vector<PlacedLabel> labels;  // the city names drawn in the last frame
    // The inset's names as last placed, and what they were placed for: the inset stands still while
    // the map moves, so they are drawn again without placing them again.
    std::uint64_t inset_names_for = 0;
    std::vector<PlacedLabel> inset_names;
    struct Item {
        std::string panel, id;
        Rect rect;
    };
    // Controls the panels report (the Links panel's partners by city id, buttons by name), so that
    // tests click where a person would; the app clears them each frame.
    std::vector<Item> items;
    std::string dismissed_banner;     // the rejected files whose banner was dismissed
    // The Statistics panel's chart, computed again only when the atlas or its filters change.
    MembersPerYear stats;
    const Atlas* stats_atlas = nullptr;
    Filter stats_filter;
    float details_bottom = 0;  // where the Details panel ends, for the Links panel under it
    float top_bar_bottom = 0;  // where the timeline bar ends: panels on the right start below it
    double link_copied_at = -1e9;   // "Copy link" says "Link copied" for a moment
    static constexpr double kLinkCopiedSeconds = 2.5;
    bool link_copied(double now) const { return now - link_copied_at < kLinkCopiedSeconds; }  // it says so
    // Whether "Link copied" shows at `now`, or has just gone (the frame without it is still to come).
    bool link_copied_showing(double now) const { return link_copied(now - 0.2); }
    // Keys pressed since the last frame. ImGui 1.86 polls key states, so a press and release
    // within one frame (a quick tap, a clicker, a test) would be missed; the app records presses.
    std::vector<int> keys_pressed;  // ImGuiKey values
    bool pressed(int imgui_key) const {
        return std::find(keys_pressed.begin(), keys_pressed.end(), imgui_key) != keys_pressed.end();
    }
    char search_text[256] = {0};    // the search box (the map keeps queries to 200 bytes)
    std::string search_seen;        // the map's query as the box last showed or sent it
    int search_highlight = 0;       // the suggestion Enter chooses
    int focus_search = 0;           // '/' or Ctrl+F was pressed: frames left to ask for the box (kFocusSearchFrames)
    bool search_active = false;     // the search box has the keyboard (as of the last frame)
    bool show_keys = false;         // the list of keys ('?')
    int keyboard_city = -1;         // the city N walked to: ringed on the map until Enter opens it
    std::string unfold;             // a side panel Tab moved to: it opens (and folds the others)
    std::string chosen_hidden;      // a city chosen in the search that the filters hide
    std::string copied_link;
    std::vector<std::string> dismissed_notices;  // the link notices the user closed
    float tour_bar_height = 0;  // the running tour's caption bar, from the bottom of the window
    float compact_legend_width = 0;  // presenter mode keeps the map's framing clear of it
    // The fields and city groups of the cities on the map (the compact legend), and when they were found.
    std::vector<bool> shown_fields, shown_groups;
    unsigned shown_revision = 0;
    const Atlas* shown_atlas = nullptr;
    // The side column's accordion (see begin_side_panel): the panel the person opened last, and
    // whether each panel was folded in the last frame.
    std::string side_open;
    std::map<std::string, bool> side_collapsed;

    // The phone layout (see sheet.cpp): the map fills the screen under a search bar, and the panels
    // are the tabs of a sheet along the bottom, at a peek, half or full height.
    bool compact = false;
    SheetHeight sheet = SheetHeight::Peek;
    std::string sheet_tab = "Filters";  // its English name (the tab's stable id)
    float sheet_top = 0;                // where the sheet begins, as drawn in the last frame
    float search_bottom = 0;            // where the search bar ends
    int sheet_seen_selected = -1;       // the selection the sheet last answered (a new one opens Details)
    float sheet_drag_from = -1;         // the sheet's top when a drag of its handle began (-1: none)
    float sheet_live_height = -1;       // the height under the finger while the handle is dragged
    unsigned scroll_window = 0;  // the panel a press began in (touch): a vertical drag scrolls it (an ImGuiID)
    bool scrolling = false;      // ... and it is scrolling now (the control under the finger let go)
    // The map's buttons: a column at the right edge, a grid on a phone held sideways, a row above
    // the attribution on a phone held upright.
    bool controls_row = false;
    float controls_width = kMapControlsWidth, controls_height = 48;
    float attribution_height = kAttributionHeight;  // the attribution line as drawn (two lines on a phone)
    Rect attribution;                                // and where
};

struct UiContext {
    Atlas& atlas;
    const render::MapStyle& style;
    const Fonts& fonts;  // (a reference: the fonts hold the font file's bytes)
    std::function<void()> reset_data = {};  // forget the user's data files (empty: none to forget)
    UiState* state = nullptr;
    std::function<std::string()> copy_link = {};  // copies a link to the view; returns it (empty: none)
    std::function<void(const std::string&)> download_table = {};  // "csv" | "geojson" (empty: no downloads)
    std::function<void()> open_full_map = {};   // embedded: the same view in the full app, in a new tab
    std::function<void()> download_image = {};  // the view as a PNG at 2x, with the export card
    const Catalogues* catalogues = nullptr;  // the app's languages (none: English as written)
    const Theme* theme = nullptr;            // the colours of the panels and of what is drawn over the map
    const std::vector<Theme>* themes = nullptr;  // all there are, to choose from
    std::function<void()> open_console = {};  // the presenter console, a second window (empty: none here)
    std::function<void()> export_video = {};  // the timeline as a WebM video (empty: natively, --record)
    std::function<void()> toggle_fullscreen = {};  // (empty: already full screen, as on a kiosk)
    double side_inset = 0;  // pixels the side column covers on the left
    // What is drawn over the map but stays where it is on the screen: the inset's frame, title,
    // names and counts (over the inset's map, which is drawn over the main map's names), and the
    // attribution (none: with the map's names, in the background list).
    ImDrawList* fixed_list = nullptr;
    // False in a gesture's frame that the map's picture stands in for: the names, counts, hubs and
    // edge arrows over the main map are in the picture, moved with it (placing the names was a
    // fifth of such a frame).
    bool map_names = true;
    bool kiosk = false;     // a public touch screen: sources as text, nothing opens elsewhere

    // A colour of the theme ("ui.text", "map.ocean", ...).
    ImU32 color(const char* key, float alpha = 1.0f) const;
    ImVec4 color4(const char* key) const;
    // Words in the view's language (core/i18n.h): English source text in, translation out.
    const Catalogue& lang() const;
    const char* tr(const char* english) const { return lang().tr(english); }
    std::string fmt(const std::string& english, std::initializer_list<std::pair<const char*, Catalogue::Arg>> args) const {
        return lang().format(english, args);
    }
    // A window title in the language, with a stable id (the English text) for ImGui and the test API.
    std::string title(const char* english) const { return std::string(tr(english)) + "###" + english; }
    // Names the data gives in English, in the language when the catalogue has them.
    const std::string& field_name(const CreativeField& f) const { return lang().lookup("field:" + f.id, f.name); }
    const std::string& network_name(const Network& n) const { return lang().lookup("network:" + n.id, n.name); }
    const std::string& network_description(const Network& n) const {
        return lang().lookup("network:" + n.id + ":description", n.description);
    }
    const std::string& country_name(const City& c) const {
        return lang().lookup("country:" + c.country, c.country_name.empty() ? c.country : c.country_name);
    }
};

// Theme and fonts (DejaVu Sans subset with Latin Extended, so Querétaro and Łódź render).
// `touch`: every control at least 48 px tall (kiosks' touch screens).
void apply_style(const Theme& theme, bool presenter = false, bool touch = false);
// What visitors type and the UI's own symbols, always in the fonts: printable ASCII, Latin-1 and
// Latin Extended-A (Spanish, French, Portuguese...), dashes, quotes, bullet, ellipsis, French
// numbers' narrow space, arrows, squares, triangles and circles. The app adds the letters of its
// data, catalogues and tours: the fonts then hold about 410 characters, not the font file's 1,100.
extern const ImWchar kTypedGlyphs[];
// `glyphs`: the characters to rasterise (ranges ending with 0; kept alive while the fonts are);
// `density`: screen pixels per logical pixel (2 on most phones); the glyphs are rasterised at it.
bool load_fonts(const std::string& assets_dir, const std::vector<ImWchar>& glyphs, Fonts& out, std::string& error,
                bool presenter = false, float density = 1);
// Copies of the font file the atlas holds besides `fonts.file` (0: the sizes share it).
int font_file_copies(const Fonts& fonts);
float px(const ImFont* font);  // a font's size in logical pixels (what to draw it at)

// Each panel's content, drawn in its window on a desktop (draw_*_panel) or in a tab of the phone
// layout's sheet (draw_sheet).
void filters_body(UiContext& ui);
void networks_body(UiContext& ui);
void tours_body(UiContext& ui);
void legend_body(UiContext& ui);
void statistics_body(UiContext& ui);
void details_body(UiContext& ui);  // the selected city
// A designation as the details say it ("City of Gastronomy, 2006"); the mirror says it the same way.
std::string designation_text(const UiContext& ui, const Designation& g, bool with_former);
std::string city_line(const UiContext& ui, const City& c);  // "Oaxaca · México · Oaxaca": name, country, state
void links_body(UiContext& ui);    // the selected city's partners
void timeline_body(UiContext& ui, bool narrow);  // narrow: one control per line (a phone)
void draw_language_buttons(UiContext& ui);  // EN ES FR, on the current line (the phone's search bar)

void draw_filters_panel(UiContext& ui);
void draw_details_panel(UiContext& ui);
void draw_legend_panel(UiContext& ui);
void draw_map_overlay(UiContext& ui);  // hover tooltip, selected city's label, attribution
void draw_data_problems_panel(UiContext& ui);  // what was wrong in the data files, and a banner
void draw_about_data_panel(UiContext& ui);     // networks, sources and the known doubts
void draw_links_panel(UiContext& ui);          // partners of the selected city
void draw_timeline_panel(UiContext& ui);       // play, pause, speed, year; the year drawn large
void draw_map_controls(UiContext& ui);  // zoom, start view, full screen, keys: buttons over the map
void draw_keys_overlay(UiContext& ui);  // the keys the map takes ('?')
void draw_year(UiContext& ui, ImVec2 at);      // the timeline's year, large (top-left corner at `at`)
void draw_tours_panel(UiContext& ui);          // the tours: start one, step through, presenter mode
// The running tour's caption, step n of m, and (`controls`) the buttons; a recording has none.
void draw_tour_bar(UiContext& ui, bool controls = true);
// What a recording shows besides the map: the year, the legend of what is shown, the tour's
// caption or a small title card (the frames of a video; see App::record_begin).
void draw_recording_overlay(UiContext& ui, bool tour);
void draw_presenter_overlay(UiContext& ui);    // presenter mode: the year, legend, spotlight, blanking
// Fields and city groups, small; `id`: the window (the embedded page and presenter mode keep their own).
// Kiosk mode: the countdown before the reset ("Touch to keep exploring", seconds left, a draining
// bar), and during the attract loop the invitation to touch.
void draw_kiosk_countdown(UiContext& ui, double seconds_left, double seconds_total);
void draw_kiosk_invitation(UiContext& ui);
void draw_compact_legend(UiContext& ui, const char* id, ImVec2 at, ImVec2 pivot, bool only_shown = false);
void draw_networks_panel(UiContext& ui);       // choose a network; hub or all links
void draw_statistics_panel(UiContext& ui);     // members per year by field, counts
void draw_link_notices_panel(UiContext& ui);
void draw_search_panel(UiContext& ui);
void draw_embed_panel(UiContext& ui);
// The phone layout: the sheet along the bottom with the tabs Filters, Details, Links, Timeline and
// Legend; a drag or a tap on its handle sets its height; a new selection opens Details.
void draw_sheet(UiContext& ui);
// The sheet's height at each stop for a screen of `display` (from the style: before the first frame too).
float sheet_height(SheetHeight h, ImVec2 display, float search_bottom);
// Where the free map ends at the bottom: the sheet's top in the phone layout, else the window's bottom.
float map_bottom(const UiContext& ui);
// What the Details and Links column takes at the right edge, with its margin: while a city is
// selected, beside the map (a phone shows them in its sheet); else nothing.
float details_column_width(const Atlas& atlas, bool compact);
// On an exported image: title, what is shown, the date, the legend (see export_card.cpp).
// `compact`: two lines at the bottom left (a video's frames), without the legend.
void draw_export_card(const UiContext& ui, ImDrawList* dl, bool compact = false);
// "29 de noviembre de 2026": a date the way the language writes it (catalogue: month:N, {day} {month} {year}).
std::string long_date(const UiContext& ui, int year, int month, int day);          // ?embed=1: a compact legend and "Open the full map"         // the search box and its suggestions (top of the side column)   // which parts of an opened link were skipped, and why
// A short sample of a link network's line (colour and dashes), for lists and legends.
void line_sample(const Network& n);

// The marker of a city group, as the map draws it (see shaders/marker.frag), for legends and lists.
void draw_marker_glyph(ImDrawList* dl, ImVec2 center, float radius, int flags, Color fill, const Atlas& atlas);
// The side column stacks Filters, Networks and Legend from the top, each under the one before;
// `bars_below` collapsed title bars keep room under it, and what does not fit scrolls.
// Returns as ImGui::Begin; call end_side_panel after ImGui::End.
bool begin_side_panel(UiContext& ui, const char* name, int bars_below, ImGuiWindowFlags extra = 0);
void end_side_panel(UiContext& ui, float bottom);
// A panel of the side column with `body` as its content; `folded`: starts folded.
void side_panel(UiContext& ui, const char* name, int bars_below, void (*body)(UiContext&), bool folded = false);

// The fields' colours as markers with their names, in two columns (Legend, embedded legend).
// `only`: the fields to list, by index (all when null).
void field_colours_table(const UiContext& ui, const std::vector<bool>* only = nullptr);
// The marker flags of a city group ("heritage" -> a diamond), as the map draws its cities alone.
int group_marker_flags(const std::string& group);

// A glyph-sized space in the current line with the glyph drawn in it.
void marker_glyph_item(int flags, Color fill, const Atlas& atlas);
ImU32 to_imgui(Color c, float alpha = 1.0f);
ImVec4 to_vec4(Color c);
// A finger drags the current window's content (ImGui 1.86 scrolls only with a wheel): a vertical
// drag that began in it scrolls it. Phones' sheet, and the side column with the touch style.
void finger_scroll(UiState& st);
// A button in a line of text; with the touch style (phones, kiosks) a full-height one, a finger's size.
bool small_button(const char* label);
// A small heading with a rule under it (ImGui 1.86 has no SeparatorText).
void section(const UiContext& ui, const char* label);

// The panels open now (name and screen rectangle), for label placement and the test API.
struct OpenPanel {
    std::string name;
    Rect rect;
    bool collapsed = false;
    bool takes_input = true;  // false: the pointer goes through it to the map (the year)
};
std::vector<OpenPanel> open_panels();
// The windows of the frame ImGui::Render() has just ended, tooltips and popups included.
std::vector<Rect> rendered_windows();
std::string panel_name(const ImGuiWindow* w);  // a window's stable English id ("Filters" of "Filtros###Filters")
// Where a phone's search bar ends: as drawn in the last frame, or (before it was) as it will be.
float search_bar_bottom(float drawn);
// Whether a screen point is on a panel now. ImGui's WantCaptureMouse is a frame late: a quick click
// just after the pointer moved onto a panel would otherwise also reach the map.
bool over_panel(float x, float y);

// A source as a link: its note (or its address) in link colour, the address as a tooltip; a
// click opens it (platform::open_url). A source without an address is plain text.
void source_link(const UiContext& ui, const Source& s, const std::string& text = {}, bool wrap = true);

// Marks English text that is translated later (through ui.tr) for the catalogue check
// (tests/data/test_i18n.py), as gettext's N_ does.
constexpr const char* N_(const char* english) { return english; }

// Reports the last item drawn (its rectangle) as `id` of `panel`, for the test API.
void report_item(UiContext& ui, const char* panel, const std::string& id);

// Sends an action; a refused action is a bug in the panel, so it is logged, not shown.
void send(UiContext& ui, const nlohmann::json& action);

}  // namespace atlas::ui
