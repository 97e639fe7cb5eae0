// The application: wires the data (core), the map (render), the panels (ui) and the platform.
#pragma once
#include <glm/vec2.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/atlas.h"
#include "core/dataset_loader.h"
#include "core/i18n.h"
#include "core/kiosk.h"
#include "core/theme.h"
#include "platform/platform.h"
#include "render/map_renderer.h"
#include "render/offscreen.h"
#include "ui/ui.h"

namespace atlas {

class App {
public:
    // Loads everything; false with a message naming what failed (a file, a shader, the window).
    bool init(const platform::Options& options, std::string& error);
    bool frame();  // one frame; false when the user closed the window
    void shutdown();
    platform::AppHooks hooks();

private:
    void handle_event(const SDL_Event& e);
    bool on_map(glm::dvec2 screen) const;  // not on a panel
    void update_hover();
    // Loads user data files over the bundled ones, keeping the view; returns the new state.
    nlohmann::json add_data(std::vector<DataFile> files, std::vector<Problem> fetch_problems = {});
    nlohmann::json reset_data();  // forget the user's files
    LoadResult load_all() const;  // the bundled files, then the user's, over them
    LoadResult load(const std::vector<DataFile>& bundled, std::vector<Problem> unread) const;
    std::vector<DataFile> read_bundled(std::vector<Problem>& problems) const;  // the data, then the tours
    nlohmann::json load_paths(const std::vector<std::string>& paths);  // --load and dropped files
    void handle_key(SDL_Keycode key, Uint16 mods);
    bool handle_presenter_key(SDL_Keycode key);  // true when the key was a tour's or presenter mode's
    // The keyboard without a mouse: Tab and Shift+Tab go from panel to panel (ImGui's keyboard
    // navigation inside: arrows, Space or Enter, a visible focus ring) and back to the map; Esc too.
    void tab_panels(int direction);
    void leave_panels();
    void focus_requested_panel();  // after NewFrame: the panel Tab asked for takes the keyboard
    bool keyboard_nav_ = false;
    std::string focus_panel_;       // the panel Tab moves to (its English name)
    int focus_tries_ = 0;
    bool leave_panels_ = false;
    // N and Shift+N walk through the cities on the map, nearest first from where the walk began;
    // the map follows, Enter opens the city.
    void walk_cities(int direction);
    void end_walk();
    bool double_tap(glm::dvec2 at, Uint32 time);  // this tap is the second of a double tap
    Uint32 last_tap_ms_ = 0;
    glm::dvec2 last_tap_at_{-1e9};
    std::vector<int> walk_;
    int walk_at_ = -1;
    std::vector<SDL_Event> deferred_input_;  // events left for the next frame (see App::frame)
    // The mouse as the events given to ImGui so far leave it. ImGui 1.86's SDL backend reads SDL's
    // mouse of now, which runs ahead of the events left for later frames: a click on the map and
    // one on a panel in two frames were one press for it, begun on the map. (A button changes at
    // most once a frame: its second change waits, see App::frame.)
    struct MouseAsGiven {
        bool known = false;
        ImVec2 pos;
        bool down[3] = {};
        void take(const SDL_Event& e);
        void apply(ImGuiIO& io) const;
    } mouse_given_;
    double caption_height() const;
    ScreenInsets covered(glm::dvec2 window) const;
    void rebuild_fonts();
    // GL resources, and surviving a lost context (platform::gl_context_lost).
    bool build_gl(std::string& error);
    bool start_gl(std::string& error);
    bool finish_gl(std::string& error);
    nlohmann::json fine_basemap_arrived();  // the detailed basemap's file is there now (web)
    void release_gl();
    bool recover_gl_context();
    void log_gl_errors(bool in_gesture);
    bool gl_lost_ = false;
    Uint64 gl_lost_at_ = 0, next_gl_check_ = 0;
    int gl_recoveries_ = 0, gl_errors_ = 0;
    double last_recovery_ms_ = 0;
    double test_dt_ = -1;  // the test clock's step (AppHooks::test_clock); negative: real time
    bool presenter_fonts_ = false;  // the fonts are presenter mode's
    float font_density_ = 1;        // screen pixels per logical pixel the glyphs are rasterised for
    // The characters of the data, catalogues and tours (and a base for typing): the glyphs the fonts
    // hold. New data with new letters rasterises the fonts again.
    ImFontGlyphRangesBuilder glyphs_;
    std::vector<ImWchar> glyph_ranges_;  // glyphs_ as ranges, ending with 0: what the fonts hold
    bool glyphs_changed_ = false;
    void cover_glyphs(const std::vector<DataFile>& files);
    int glyph_count() const;
    // Kiosk mode (core/kiosk.h): its clock and phases, the technician's exit chord, and the touch
    // that woke it (its release is not a click either).
    std::unique_ptr<Kiosk> kiosk_;
    SDL_Keycode exit_key_ = SDLK_q;
    Uint16 exit_mods_ = KMOD_CTRL | KMOD_ALT;
    bool swallow_release_ = false;
    std::string typed_ahead_;        // typed after '/' before the search box had the keyboard
    int typed_ahead_frames_ = 0;     // frames left to wait for it
    bool typed_ahead_slash_ = false;  // the '/' that asked for the box is still to come as text
    void start_kiosk();
    bool kiosk_event(const SDL_Event& e);  // true: the kiosk took the event
    std::vector<Theme> themes_;
    std::string styled_theme_;      // the theme the panels and the map were given
    bool styled_touch_ = false;     // ... and whether with touch-sized controls
    bool compact_layout(glm::dvec2 window) const;  // the phone layout (ui/sheet.cpp)
    void keep_selection_in_view();  // on a phone: the sheet never hides the selected city
    int revealed_city_ = -1;        // the selection and sheet height keep_selection_in_view answered
    float revealed_sheet_top_ = 0;
    const Theme& current_theme() const;
    nlohmann::json published_status_;  // what the presenter console was last told
    void log_actions();  // --log-actions: print every action the atlas applies
    nlohmann::json frame_stats() const;
    nlohmann::json panels() const;
    std::string accessible() const;  // the HTML mirror's content as JSON text (accessible.cpp)
    std::string mirrored_;              // what the mirror was last told changed (see publish_view)
    nlohmann::json labels() const;
    bool save_screenshot(const std::string& path);
    void publish_view();
    double side_inset() const;
    void draw_panels(ui::UiContext& ctx);
    nlohmann::json export_table(const std::string& format) const;
    nlohmann::json request_image(double scale);
    nlohmann::json image_size(double scale) const;
    void render_image(const ui::UiContext& ctx, glm::ivec2 size);
    static constexpr double kMaxImageSide = 8192;
    double image_scale_ = 0;  // a picture is asked for (see request_image)
    std::string image_name_;  // natively: where it goes
    bool image_delivered_ = false;
    // Recording (a video in the browser, a PNG sequence natively): the timeline or a tour played
    // from the recording's own clock, one picture per frame, so it is smooth whatever the speed.
    struct Recording {
        bool active = false, tour = false, done = false;
        int frame = 0, frames = 0;  // frames: the timeline's count; a tour's is known when it ends
        double fps = 30, scale = 1;
        int hold = 90, held = 0;     // a tour: frames each step stays once it has settled
        std::string dir;             // natively: where the pictures go
        ViewState before;            // the view given back at the end
        Camera camera;               // and the camera exactly (the view's degrees would round it)
    };
    Recording recording_;
    nlohmann::json record_begin(const nlohmann::json& options);
    nlohmann::json record_frame();
    void record_end();
    bool record(const std::string& dir, int frames, const std::string& tour);
    void give_search_names();

    platform::Options options_;
    platform::Window window_;
    std::unique_ptr<Atlas> atlas_;
    Catalogues catalogues_;
    // The files the user gave, in order: merged again when more come. On the web their texts stay
    // in the page (DataFile::fetch), compressed between loads (platform::keep_user_files).
    // The bundled files are read again at each load instead (`read_bundled`): their texts were
    // 390 KB that the web's memory kept through its highest level.
    std::vector<DataFile> overrides_;
    std::vector<Problem> read_problems_;  // the user's files that could not be read or fetched
    render::MapRenderer renderer_;
    ui::Fonts fonts_;
    ui::UiState ui_state_;
    bool running_ = true, reset_requested_ = false;
    // Pointer gestures on the map (not on a panel).
    bool pressing_ = false, dragging_ = false;
    glm::dvec2 press_at_{0}, last_mouse_{0};
    bool pointer_seen_ = false;  // no hover before the pointer has moved over the window
    Uint64 last_counter_ = 0;
    std::vector<float> frame_ms_;  // CPU time of recent frames, a ring
    std::size_t frame_index_ = 0;
    long long frames_ = 0;
    int quiet_frames_ = 0;  // frames in a row with nothing new to show
    int settle_frames_ = 0;  // frames to draw whatever happens (a new layout settling)
    unsigned drawn_revision_ = 0;
    unsigned drawn_basemaps_ = 0;  // renderer_.version() when last drawn: a new basemap (the detailed one coming) is drawn
    glm::ivec2 drawn_size_{0, 0};
    Camera rested_camera_;         // the camera as it last changed, and when
    Uint64 camera_moved_at_ = 0;
    // What the screen shows of the map: the exact drawing (painted where the camera stood, links in);
    // a frame drawn before the rest that another drawn before the rest would repeat (links in); or
    // neither (pictures moved by the compositor, links still changing).
    enum class MapShown { Exact, Rough, Other };
    MapShown map_shown_ = MapShown::Exact;
    static constexpr double kRestSeconds = 0.15;
    static constexpr int kLayoutFrames = 2;  // frames that lay the panels out before the first is drawn
    std::optional<ViewState> published_;  // the view the page's address shows
    std::string pending_screenshot_;  // read back inside the next frame, before the swap
    bool screenshot_ok_ = false;
    // While the map is dragged or zoomed, the page's compositor moves pictures of the map and the
    // panels instead of frames being drawn (platform::move_map_picture).
    // The frames they are kept from are drawn off the screen (`target`): the page goes on showing the
    // pictures before them, or the frame on screen, and never waits for the GPU to draw them.
    struct Pictures {
        bool available = false;                 // the platform keeps them (platform::has_map_pictures)
        bool panels = false;                    // kept
        std::optional<Camera> slots[2];         // the map's, as each slot's picture shows it (none: not kept)
        int newest = 0;                         // the slot kept last
        std::uint64_t map_key = 0, panels_key = 0;  // what they show but the camera (frame_keys)
        long long shown = 0;                    // frames shown by moving them (tests, measurements)
        long long kept_off_screen = 0;          // frames drawn off the screen to keep them
        long long unlaid = 0;                   // frames shown by them without laying the panels out
        int unlaid_in_a_row = 0;
        bool warm = false;                      // warm_pictures has run for this context
        // The detailed basemap is in (or will not come): the load is over, warm_pictures may run.
        bool load_over = false;
        render::Offscreen target;
        bool map() const { return slots[newest].has_value(); }    // a picture of the map is kept
        const Camera& camera() const { return *slots[newest]; }   // the newest picture's
    } pictures_;
    bool gesture(bool exact) const;
    bool map_picture_stands_in(bool exact, glm::ivec2 framebuffer) const;
    bool panels_picture_stands_in(bool panel_input) const;
    void note_frame_time(Uint64 start);
    struct FrameKeys {
        std::uint64_t map, panels, frame;
    };
    FrameKeys frame_keys(glm::ivec2 framebuffer, const Camera& camera) const;
    std::uint64_t map_key(glm::ivec2 framebuffer) const;  // FrameKeys::map, known before the panels are laid out
    std::uint64_t drawn_key_ = 0;  // the frame on screen (frame_keys)
    long long drawn_frames_ = 0;   // frames drawn (not skipped as the same, nor shown by pictures)
    bool pictures_cover(const Camera& camera) const;
    static platform::PicturePlace picture_place(const Camera& picture, const Camera& camera);
    void keep_map_picture(bool draft);
    void warm_pictures(glm::ivec2 framebuffer);
    void release_draw_lists();  // before large work at rest: the next frame makes them again
    void drop_pictures();
    bool move_pictures(const Camera& camera);
    std::vector<ImDrawList*> panel_lists() const;
    void draw_layers(glm::ivec2 framebuffer, ImDrawData frame, std::vector<ImDrawList*> top, bool exact, bool keep_map,
                     bool map_only);
    void keep_panel_pictures(std::uint64_t key);
    std::unique_ptr<ImDrawList> fixed_list_;  // the inset's frame and names, the attribution (ui::UiContext::fixed_list)
};

}  // namespace atlas
