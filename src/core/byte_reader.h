// Reads a binary file's bytes in order, never past their end: a read that would is refused and
// reads nothing. Numbers are little-endian (the basemap files) or big-endian (fonts).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace atlas {

class ByteReader {
public:
    enum class Order { LittleEndian, BigEndian };
    explicit ByteReader(std::string_view b, Order order = Order::LittleEndian) : b_(b), order_(order) {}
    bool u8(std::uint32_t& v) { return read(v, 1); }
    bool u16(std::uint32_t& v) { return read(v, 2); }
    bool u32(std::uint32_t& v) { return read(v, 4); }
    // An unsigned LEB128 number (7 bits a byte, low bits first) of at most 32 bits: a longer one, or
    // one cut short by the end, is refused.
    bool varint(std::uint32_t& v) {
        std::uint32_t value = 0;
        for (int i = 0; i < 5 && pos_ + std::size_t(i) < b_.size(); ++i) {
            const std::uint32_t byte = std::uint8_t(b_[pos_ + std::size_t(i)]);
            if (i == 4 && byte > 0x0f) return false;  // past 32 bits
            value |= (byte & 0x7f) << (7 * i);
            if (!(byte & 0x80)) {
                pos_ += std::size_t(i) + 1;
                v = value;
                return true;
            }
        }
        return false;
    }
    bool bytes(std::size_t n, std::string& out) {
        if (remaining() < n) return false;
        out.assign(b_.substr(pos_, n));
        pos_ += n;
        return true;
    }
    bool skip(std::size_t n) {
        if (remaining() < n) return false;
        pos_ += n;
        return true;
    }
    std::size_t remaining() const { return b_.size() - pos_; }

private:
    bool read(std::uint32_t& v, int n) {
        if (remaining() < std::size_t(n)) return false;
        v = 0;
        for (int i = 0; i < n; ++i) {
            const std::uint32_t byte = std::uint8_t(b_[pos_ + std::size_t(i)]);
            v = order_ == Order::LittleEndian ? v | byte << (8 * i) : v << 8 | byte;
        }
        pos_ += std::size_t(n);
        return true;
    }
    std::string_view b_;
    Order order_;
    std::size_t pos_ = 0;
};

}  // namespace atlas
