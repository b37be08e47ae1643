"""Seed data: two staff accounts, five citizens, a few posts and Indonesian citizen mentions."""

from __future__ import annotations

from humasdesk.sandbox.ids import IdMaker, iso_ms
from humasdesk.sandbox.state import Post, State, User

# fmt: off
# Fixed user ids, so an app that stored a user id keeps it across resets.
USERS: tuple[tuple[str, str, str, bool, str], ...] = (
    ("1700000000000000001", "HumasDemo", "Humas Kementerian Demo", True,
     "Akun resmi Biro Hubungan Masyarakat Kementerian Demo."),
    ("1700000000000000002", "rina_humas", "Rina Wulandari", True,
     "Kepala Biro Humas Kementerian Demo. Cuitan pribadi."),
    ("1700000000000000011", "warga_01", "Budi Santoso", False, "Warga Bekasi."),
    ("1700000000000000012", "warga_02", "Siti Aminah", False, "Guru SD di Bandung."),
    ("1700000000000000013", "warga_03", "Agus Prasetyo", False, "Pengemudi ojek daring."),
    ("1700000000000000014", "warga_04", "Dewi Lestari", False, "Ibu rumah tangga, Surabaya."),
    ("1700000000000000015", "warga_05", "Yohanes Manurung", False, "Mahasiswa di Medan."),
)

# (hours ago, author handle, text), oldest first.
POSTS: tuple[tuple[float, str, str], ...] = (
    (70, "HumasDemo", "Selamat pagi! Layanan pengaduan Kementerian Demo buka Senin–Jumat "
     "pukul 08.00–16.00 WIB."),
    (66, "rina_humas", "Hari ini rapat koordinasi kehumasan bersama seluruh unit kerja. "
     "Terima kasih atas kerja samanya."),
    (60, "warga_01", "@HumasDemo Selamat pagi, bagaimana cara mengurus surat keterangan "
     "secara daring?"),
    (58, "warga_02", "@HumasDemo Terima kasih atas informasinya, sangat membantu."),
    (54, "HumasDemo", "Pendaftaran program beasiswa dibuka hingga akhir bulan. Informasi "
     "lengkap di laman resmi kami."),
    (50, "warga_03", "@HumasDemo Aplikasi layanan tidak bisa dibuka sejak kemarin, mohon "
     "segera diperbaiki."),
    (48, "warga_04", "@rina_humas Bu Rina, kapan sosialisasi program berikutnya di Surabaya?"),
    (45, "warga_05", "@HumasDemo Apakah syarat beasiswa berlaku untuk mahasiswa semester "
     "akhir?"),
    (40, "rina_humas", "Senang bertemu rekan-rekan media dalam diskusi keterbukaan "
     "informasi publik hari ini."),
    (36, "warga_01", "@HumasDemo Sudah tiga hari menunggu balasan pengaduan saya, nomor "
     "tiket belum ada kabar."),
    (33, "warga_02", "@rina_humas Terima kasih Bu, penjelasannya di acara kemarin jelas "
     "sekali."),
    (30, "HumasDemo", "Mohon maaf, aplikasi layanan sedang dalam pemeliharaan. Kami "
     "kabari segera setelah pulih."),
    (28, "warga_03", "@HumasDemo Kapan aplikasinya normal kembali? Saya perlu mengunggah "
     "berkas hari ini."),
    (24, "warga_04", "@HumasDemo Di mana saya bisa mengunduh formulir pendaftaran?"),
    (20, "warga_05", "@HumasDemo @rina_humas Pelayanan di kantor wilayah lambat sekali, "
     "antrean sampai siang."),
    (16, "warga_01", "@HumasDemo Terima kasih, pengaduan saya sudah ditindaklanjuti."),
    (12, "rina_humas", "Terima kasih untuk semua masukan warga minggu ini. Kami catat dan "
     "teruskan ke unit terkait."),
    (10, "warga_02", "@HumasDemo Apakah kantor tetap buka saat cuti bersama?"),
    (8, "warga_03", "@rina_humas Bu, mohon info kontak pengaduan yang bisa dihubungi "
     "lewat WhatsApp."),
    (6, "warga_04", "@HumasDemo Informasi di laman resmi berbeda dengan pengumuman "
     "kemarin, mana yang benar?"),
    (4, "HumasDemo", "Aplikasi layanan sudah dapat digunakan kembali. Terima kasih atas "
     "kesabaran Bapak/Ibu."),
    (3, "warga_05", "@HumasDemo Mantap, aplikasinya sudah lancar lagi. Terima kasih!"),
    (2, "warga_01", "@rina_humas Semangat Bu Rina, terima kasih sudah mau mendengar warga."),
)

# fmt: on


def build_seed(now: float) -> State:
    """A fresh state whose posts are dated in the hours before `now`."""
    state = State(ids=IdMaker())
    for uid, handle, name, staff, bio in USERS:
        state.users[uid] = User(
            id=uid,
            username=handle,
            name=name,
            created_at="2019-03-01T02:00:00.000Z",
            description=bio,
            staff=staff,
        )
    for hours_ago, handle, text in POSTS:
        at = now - hours_ago * 3600
        author = state.user_by_handle(handle)
        assert author is not None
        pid = state.ids.make(at)
        state.posts[pid] = Post(
            id=pid, text=text, author_id=author.id, created_at=iso_ms(at), conversation_id=pid
        )
    return state
