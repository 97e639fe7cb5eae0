// On-screen controls for the map (WCAG 2.5.7: no action needs dragging): zoom in and out, the start
// view, full screen, and the list of keys; and that list ('?'), which shows every key the map takes.
#include <algorithm>

#include "ui/ui.h"

namespace atlas::ui {
namespace {
enum class Icon { Plus, Minus, Home, FullScreen, Keys };

// A square button with an icon drawn as lines (crisp at any size, no glyphs needed).
bool icon_button(UiContext& ui, const char* id, Icon icon, const char* tooltip, float size) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(id, ImVec2(size, size));
    report_item(ui, "Map controls", id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const bool hot = ImGui::IsItemHovered() || ImGui::IsItemActive();
    dl->AddRectFilled(p, ImVec2(p.x + size, p.y + size), ImGui::GetColorU32(hot ? ImGuiCol_ButtonHovered : ImGuiCol_Button),
                      ImGui::GetStyle().FrameRounding);
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    const ImVec2 c(p.x + size / 2, p.y + size / 2);
    const float r = size * 0.24f, w = std::max(2.0f, size / 18);
    switch (icon) {
        case Icon::Plus:
            dl->AddLine(ImVec2(c.x - r, c.y), ImVec2(c.x + r, c.y), ink, w);
            dl->AddLine(ImVec2(c.x, c.y - r), ImVec2(c.x, c.y + r), ink, w);
            break;
        case Icon::Minus: dl->AddLine(ImVec2(c.x - r, c.y), ImVec2(c.x + r, c.y), ink, w); break;
        case Icon::Home: {  // a house: the roof, then the walls
            dl->AddTriangle(ImVec2(c.x - r * 1.2f, c.y - r * 0.1f), ImVec2(c.x, c.y - r * 1.2f), ImVec2(c.x + r * 1.2f, c.y - r * 0.1f), ink, w);
            dl->AddRect(ImVec2(c.x - r * 0.8f, c.y - r * 0.1f), ImVec2(c.x + r * 0.8f, c.y + r), ink, 0, 0, w);
            break;
        }
        case Icon::FullScreen:  // four corners
            for (float sx : {-1.0f, 1.0f})
                for (float sy : {-1.0f, 1.0f}) {
                    const ImVec2 k(c.x + sx * r, c.y + sy * r);
                    dl->AddLine(k, ImVec2(k.x - sx * r * 0.7f, k.y), ink, w);
                    dl->AddLine(k, ImVec2(k.x, k.y - sy * r * 0.7f), ink, w);
                }
            break;
        case Icon::Keys: {
            const char* q = "?";
            const ImVec2 t = ImGui::CalcTextSize(q);
            dl->AddText(ImVec2(c.x - t.x / 2, c.y - t.y / 2), ink, q);
            break;
        }
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
    return clicked;
}
}  // namespace

void draw_map_controls(UiContext& ui) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    if (display.x - ui.side_inset < 3 * kMapControlsWidth) return;  // no map beside the side column: they would cover it
    if (ui.state && ui.state->compact && ui.state->sheet != SheetHeight::Peek) return;  // the sheet has the phone's room
    const float size = ui.kiosk ? 56 : 44;  // touch targets: 44 CSS px (48 on a kiosk)
    // At the right edge, above the attribution (and a phone's sheet); left of the Details and Links
    // panels while they are open.
    const bool compact = ui.state && ui.state->compact;
    const float right = display.x - kPanelMargin - details_column_width(ui.atlas, compact);
    const float credit = ui.state ? ui.state->attribution_height : kAttributionHeight;
    ImGui::SetNextWindowPos(ImVec2(right, map_bottom(ui) - credit - 4), ImGuiCond_Always, ImVec2(1, 1));
    ImGui::SetNextWindowBgAlpha(0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 4));
    ImGui::Begin("###Map controls", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    // A column; where it is too short (a phone held sideways), a grid of as many rows as fit.
    const int count = 3 + (ui.toggle_fullscreen ? 1 : 0) + (ui.state && !ui.kiosk ? 1 : 0);
    const float top = ui.state && ui.state->compact ? ui.state->search_bottom : (ui.state ? ui.state->top_bar_bottom : 0);
    // A phone held upright has room below the map, not beside it: one row there.
    const bool row = compact && display.y > display.x;
    const int rows = row ? 1 : std::clamp(int((map_bottom(ui) - credit - top - 2 * kPanelMargin) / (size + 4)), 1, count);
    const int columns = (count + rows - 1) / rows;
    int placed = 0;
    auto next = [&] { if (++placed % columns != 0) ImGui::SameLine(0, 4); };
    if (icon_button(ui, "zoom-in", Icon::Plus, ui.tr("Zoom in (+)"), size)) send(ui, {{"type", "zoom"}, {"factor", 1.6}});
    next();
    if (icon_button(ui, "zoom-out", Icon::Minus, ui.tr("Zoom out (-)"), size)) send(ui, {{"type", "zoom"}, {"factor", 1 / 1.6}});
    next();
    if (icon_button(ui, "home", Icon::Home, ui.tr("The start view (Home)"), size)) send(ui, {{"type", "home"}});
    next();
    if (ui.toggle_fullscreen) {
        if (icon_button(ui, "fullscreen", Icon::FullScreen, ui.tr("Full screen"), size)) ui.toggle_fullscreen();
        next();
    }
    if (ui.state && !ui.kiosk && icon_button(ui, "keys", Icon::Keys, ui.tr("Keys (?)"), size))
        ui.state->show_keys = !ui.state->show_keys;
    if (ui.state) {
        ui.state->controls_row = row;
        ui.state->controls_width = ImGui::GetWindowSize().x + 2 * kPanelMargin;
        ui.state->controls_height = ImGui::GetWindowSize().y + 4;
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}

void draw_keys_overlay(UiContext& ui) {
    if (!ui.state || !ui.state->show_keys) return;
    // Key names are not translated (they are printed on the keys); what they do is.
    static const std::pair<const char*, const char*> keys[] = {
        {"← ↑ → ↓", N_("Move the map")},
        {"+  -", N_("Zoom in and out")},
        {"Home, 0", N_("Back to the start view")},
        {"/", N_("Search a city, country or field")},
        {"↑ ↓ Enter", N_("Choose a suggestion of the search")},
        {"Esc", N_("Clear the selection; close this list")},
        {"Space", N_("Play or pause the timeline")},
        {"[  ]", N_("A year back, a year forward")},
        {"P", N_("Presenter mode")},
        {"PageDown, →", N_("In a tour: the next step")},
        {"PageUp, ←", N_("In a tour: the step before")},
        {"B", N_("In a tour: a blank screen, and back")},
        {"N, Shift+N", N_("The next city on the map, nearest first; the one before")},
        {"Enter", N_("Open that city")},
        {"Tab, Shift+Tab", N_("From panel to panel, and back to the map")},
        {"↑ ↓ ← →, Space", N_("In a panel: move between its controls; press one")},
        {"?", N_("This list")},
    };
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x / 2, display.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    bool open = true;
    if (ImGui::Begin(ui.title("Keys").c_str(), &open, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize |
                                                         ImGuiWindowFlags_NoCollapse)) {
        if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_PadOuterX)) {
            for (const auto& [key, what] : keys) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(key);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(ui.tr(what));
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
    if (!open || ui.state->pressed(ImGuiKey_Escape)) ui.state->show_keys = false;
}

}  // namespace atlas::ui
