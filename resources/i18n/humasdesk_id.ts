<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AccessReportDialog</name>
    <message>
        <source>Access report for one person</source>
        <translation>Laporan akses untuk satu orang</translation>
    </message>
    <message>
        <source>Handle of the person</source>
        <translation>Nama pengguna orang yang bersangkutan</translation>
    </message>
    <message>
        <source>@name</source>
        <translation>@nama</translation>
    </message>
    <message>
        <source>Report format</source>
        <translation>Format laporan</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>PDF is not available in this version.</source>
        <translation>PDF belum tersedia di versi ini.</translation>
    </message>
    <message>
        <source>Report file</source>
        <translation>Berkas laporan</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Pilih…</translation>
    </message>
    <message>
        <source>Choose the report file</source>
        <translation>Pilih berkas laporan</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Permintaan</translation>
    </message>
    <message>
        <source>For request no. %1 in the register.</source>
        <translation>Untuk permintaan no. %1 dalam register.</translation>
    </message>
    <message>
        <source>Report status</source>
        <translation>Status laporan</translation>
    </message>
    <message>
        <source>&amp;Make</source>
        <translation>&amp;Buat</translation>
    </message>
    <message>
        <source>Make the access report</source>
        <translation>Buat laporan akses</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>&amp;Handle</source>
        <translation>&amp;Nama pengguna</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>F&amp;ile</source>
        <translation>Ber&amp;kas</translation>
    </message>
    <message>
        <source>The report holds everything this desk keeps about the person and what was done with it, without other citizens&apos; data. It is signed like the supervisor&apos;s exports and recorded in the activity log.</source>
        <translation>Laporan ini memuat semua yang disimpan HumasDesk tentang orang tersebut dan apa yang telah dilakukan dengannya, tanpa data warga lain. Laporan ditandatangani seperti ekspor untuk atasan dan dicatat di log aktivitas.</translation>
    </message>
    <message>
        <source>The file name holds the person&apos;s handle. The file name is kept in the activity log for good, so choose a name without the handle.</source>
        <translation>Nama berkas memuat nama pengguna orang tersebut. Nama berkas disimpan selamanya di log aktivitas, jadi pilih nama tanpa nama pengguna.</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Membuat laporan…</translation>
    </message>
    <message>
        <source>Save the access report as</source>
        <translation>Simpan laporan akses sebagai</translation>
    </message>
    <message>
        <source>Report files (*%1)</source>
        <translation>Berkas laporan (*%1)</translation>
    </message>
    <message>
        <source>The access report is ready: %1
%2 records; signature in %3.
Signing key fingerprint: %4</source>
        <translation>Laporan akses siap: %1
%2 catatan; tanda tangan di %3.
Sidik jari kunci tanda tangan: %4</translation>
    </message>
    <message>
        <source>We hold nothing about @%1: no mentions, no inbox rows and no requests. No file was written; you can tell the person so.</source>
        <translation>Tidak ada data yang disimpan tentang @%1: tidak ada mention, pesan kotak masuk, maupun permintaan. Tidak ada berkas yang ditulis; Anda dapat menyampaikan hal ini kepada yang bersangkutan.</translation>
    </message>
    <message>
        <source>The report could not be made (%1).</source>
        <translation>Laporan tidak dapat dibuat (%1).</translation>
    </message>
    <message>
        <source>Closing when the report is done…</source>
        <translation>Ditutup setelah laporan selesai…</translation>
    </message>
    <message>
        <source>An erasure of citizens&apos; data is running; make the report again when it has finished.</source>
        <translation>Penghapusan data warga sedang berjalan; buat laporan lagi setelah penghapusan selesai.</translation>
    </message>
</context>
<context>
    <name>AccountHeader</name>
    <message>
        <source>Sign out</source>
        <translation>Keluar dari akun</translation>
    </message>
    <message>
        <source>Office account</source>
        <translation>Akun Kantor</translation>
    </message>
    <message>
        <source>Personal account</source>
        <translation>Akun Pribadi</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Belum masuk</translation>
    </message>
    <message>
        <source>Sign out @%1</source>
        <translation>Keluarkan @%1</translation>
    </message>
</context>
<context>
    <name>AccountPane</name>
    <message>
        <source>Sign in to the office account</source>
        <translation>Masuk ke akun kantor</translation>
    </message>
    <message>
        <source>Sign in to the personal account</source>
        <translation>Masuk ke akun pribadi</translation>
    </message>
    <message>
        <source>Waiting for approval in the browser… Approve HumasDesk on the X page that opened, then come back here.</source>
        <translation>Menunggu persetujuan di peramban… Setujui HumasDesk di halaman X yang terbuka, lalu kembali ke sini.</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Sedang masuk</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Office account: mentions, posts and outbox</source>
        <translation>Akun kantor: mention, kiriman, dan kotak keluar</translation>
    </message>
    <message>
        <source>Personal account: mentions, posts and outbox</source>
        <translation>Akun pribadi: mention, kiriman, dan kotak keluar</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Kiriman</translation>
    </message>
    <message>
        <source>Mentions (%1)</source>
        <translation>Mention (%1)</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Mention</translation>
    </message>
    <message>
        <source>Outbox (%1)</source>
        <translation>Kotak keluar (%1)</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Kotak keluar</translation>
    </message>
    <message>
        <source>Offline — %1 post(s) waiting</source>
        <translation>Offline — %1 kiriman menunggu</translation>
    </message>
    <message>
        <source>Posting: %1/%2 left</source>
        <translation>Kirim: sisa %1/%2</translation>
    </message>
    <message>
        <source>Reading: %1/%2 left</source>
        <translation>Baca: sisa %1/%2</translation>
    </message>
    <message>
        <source>Practice Mode: not billed</source>
        <translation>Mode Latihan: tidak ditagih</translation>
    </message>
    <message>
        <source>Practice Mode, not billed: on the real X ≈ US$%1</source>
        <translation>Mode Latihan, tidak ditagih: di X sungguhan ≈ US$%1</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Sedang masuk…</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Belum masuk.</translation>
    </message>
    <message>
        <source>Loading posts…</source>
        <translation>Memuat kiriman…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Agency&apos;s X cost this month ≈ US$%1</source>
        <translation>Biaya X instansi bulan ini ≈ US$%1</translation>
    </message>
</context>
<context>
    <name>AccountQuestionDialog</name>
    <message>
        <source>Office account</source>
        <translation>Akun Kantor</translation>
    </message>
    <message>
        <source>Personal account</source>
        <translation>Akun Pribadi</translation>
    </message>
</context>
<context>
    <name>Aduan</name>
    <message>
        <source>Information request</source>
        <translation>Permintaan informasi</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>Sengketa</translation>
    </message>
    <message>
        <source>Needs a field check</source>
        <translation>Perlu pemeriksaan lapangan</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Dibalas</translation>
    </message>
    <message>
        <source>Forwarded to LAPOR!</source>
        <translation>Diteruskan ke LAPOR!</translation>
    </message>
    <message>
        <source>Being followed up</source>
        <translation>Ditindaklanjuti</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>on time (%1)</source>
        <translation>tepat waktu (%1)</translation>
    </message>
    <message>
        <source>late (%1)</source>
        <translation>terlambat (%1)</translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <translation>lewat batas sejak %1</translation>
    </message>
    <message>
        <source>due %1 (near)</source>
        <translation>batas %1 (mendekati)</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>batas %1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Kelas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Warga</translation>
    </message>
    <message>
        <source>First response (3 days)</source>
        <translation>Respons pertama (3 hari)</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Penyelesaian</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Pengingat</translation>
    </message>
    <message>
        <source>LAPOR! no.</source>
        <translation>Nomor LAPOR!</translation>
    </message>
    <message>
        <source>office</source>
        <translation>kantor</translation>
    </message>
    <message>
        <source>personal</source>
        <translation>pribadi</translation>
    </message>
    <message>
        <source> (suggested)</source>
        <translation> (saran)</translation>
    </message>
    <message>
        <source> · mention deleted by the citizen</source>
        <translation> · mention dihapus warga</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>lewat batas waktu</translation>
    </message>
    <message>
        <source>near its limit</source>
        <translation>mendekati batas waktu</translation>
    </message>
    <message>
        <source>Complaints: %1 near their limit, %2 overdue</source>
        <translation>Aduan: %1 mendekati batas waktu, %2 lewat batas waktu</translation>
    </message>
</context>
<context>
    <name>AduanDesk</name>
    <message>
        <source>Complaints</source>
        <translation>Aduan</translation>
    </message>
    <message>
        <source>Complaints (%1)</source>
        <translation>Aduan (%1)</translation>
    </message>
    <message>
        <source>· %1 complaint(s) due</source>
        <translation>· %1 aduan perlu perhatian</translation>
    </message>
    <message>
        <source>The citizen deleted this mention; it cannot be answered on X.</source>
        <translation>Warga telah menghapus mention ini; mention ini tidak dapat dibalas di X.</translation>
    </message>
    <message>
        <source>Complaint register — both accounts</source>
        <translation>Daftar aduan — kedua akun</translation>
    </message>
</context>
<context>
    <name>AltTextDialog</name>
    <message>
        <source>Image description</source>
        <translation>Deskripsi gambar</translation>
    </message>
    <message>
        <source>Image %1 of %2</source>
        <translation>Gambar %1 dari %2</translation>
    </message>
    <message>
        <source>Describe the image for readers who cannot see it (alt text). Enter saves; Shift+Enter starts a new line.</source>
        <translation>Jelaskan isi gambar untuk pembaca yang tidak dapat melihatnya (teks alternatif). Enter menyimpan; Shift+Enter membuat baris baru.</translation>
    </message>
    <message>
        <source>Description of %1</source>
        <translation>Deskripsi %1</translation>
    </message>
    <message>
        <source>Save description</source>
        <translation>Simpan deskripsi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>The description is longer than %1 characters.</source>
        <translation>Deskripsi lebih panjang dari %1 karakter.</translation>
    </message>
</context>
<context>
    <name>BreachDialog</name>
    <message>
        <source>Data breach: who is affected and the notification</source>
        <translation>Kebocoran data: pihak terdampak dan pemberitahuan</translation>
    </message>
    <message>
        <source>Period start</source>
        <translation>Awal periode</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Akhir periode</translation>
    </message>
    <message>
        <source>Discovered at</source>
        <translation>Waktu ditemukan</translation>
    </message>
    <message>
        <source>How it happened</source>
        <translation>Kronologi kejadian</translation>
    </message>
    <message>
        <source>For example: the office laptop was stolen from the car on …</source>
        <translation>Misalnya: laptop kantor dicuri dari mobil pada …</translation>
    </message>
    <message>
        <source>&amp;Make</source>
        <translation>&amp;Buat</translation>
    </message>
    <message>
        <source>Make the breach kit</source>
        <translation>Buat daftar terdampak dan konsep pemberitahuan</translation>
    </message>
    <message>
        <source>Notification deadline</source>
        <translation>Batas waktu pemberitahuan</translation>
    </message>
    <message>
        <source>Time left to notify</source>
        <translation>Sisa waktu untuk memberi tahu</translation>
    </message>
    <message>
        <source>Affected data</source>
        <translation>Data terdampak</translation>
    </message>
    <message>
        <source>Affected accounts</source>
        <translation>Akun terdampak</translation>
    </message>
    <message>
        <source>Notification draft</source>
        <translation>Konsep pemberitahuan</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>Copy the notification draft</source>
        <translation>Salin konsep pemberitahuan</translation>
    </message>
    <message>
        <source>Copy the &amp;list</source>
        <translation>Salin dafta&amp;r</translation>
    </message>
    <message>
        <source>Copy the list of affected accounts</source>
        <translation>Salin daftar akun terdampak</translation>
    </message>
    <message>
        <source>Save as &amp;text…</source>
        <translation>Simpan sebagai &amp;teks…</translation>
    </message>
    <message>
        <source>Save the draft as a text file</source>
        <translation>Simpan konsep sebagai berkas teks</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Simpan sebagai PD&amp;F…</translation>
    </message>
    <message>
        <source>Save the draft as a PDF file</source>
        <translation>Simpan konsep sebagai berkas PDF</translation>
    </message>
    <message>
        <source>Breach kit status</source>
        <translation>Status penanganan kebocoran data</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>s.&amp;d.</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Periode</translation>
    </message>
    <message>
        <source>&amp;Discovered at</source>
        <translation>&amp;Waktu ditemukan</translation>
    </message>
    <message>
        <source>&amp;How it happened</source>
        <translation>&amp;Kronologi kejadian</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Pemberitahuan</translation>
    </message>
    <message>
        <source>Affected &amp;accounts</source>
        <translation>&amp;Akun terdampak</translation>
    </message>
    <message>
        <source>Notification d&amp;raft</source>
        <translation>Konsep pemberita&amp;huan</translation>
    </message>
    <message>
        <source>The period must start before it ends; correct the dates.</source>
        <translation>Awal periode harus sebelum akhir periode; perbaiki tanggalnya.</translation>
    </message>
    <message>
        <source>The breach cannot have been discovered in the future.</source>
        <translation>Waktu ditemukan tidak boleh melewati waktu sekarang.</translation>
    </message>
    <message>
        <source>Making the breach kit…</source>
        <translation>Menyusun daftar terdampak dan konsep pemberitahuan…</translation>
    </message>
    <message>
        <source>The draft was copied.</source>
        <translation>Konsep telah disalin.</translation>
    </message>
    <message>
        <source>The list of accounts was copied.</source>
        <translation>Daftar akun telah disalin.</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Berkas teks (*.txt)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Notify by %1</source>
        <translation>Beri tahu paling lambat %1</translation>
    </message>
    <message>
        <source>%1 affected accounts; %2 log entries with citizens&apos; data in the period (%3 of them already erased).</source>
        <translation>%1 akun terdampak; %2 entri log berisi data warga dalam periode ini (%3 di antaranya sudah dihapus).</translation>
    </message>
    <message>
        <source>Check and complete the draft before sending it: the parts in [brackets] are for you to fill in.</source>
        <translation>Periksa dan lengkapi konsep sebelum dikirim: bagian dalam [kurung siku] perlu Anda isi.</translation>
    </message>
    <message>
        <source>The breach kit could not be made (%1).</source>
        <translation>Daftar terdampak dan konsep pemberitahuan tidak dapat dibuat (%1).</translation>
    </message>
    <message>
        <source>Closing when the work is done…</source>
        <translation>Ditutup setelah pekerjaan selesai…</translation>
    </message>
    <message>
        <source>The file could not be written (%1).</source>
        <translation>Berkas tidak dapat ditulis (%1).</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Disimpan: %1</translation>
    </message>
    <message>
        <source>Save the notification draft as</source>
        <translation>Simpan konsep pemberitahuan sebagai</translation>
    </message>
</context>
<context>
    <name>CarriedOverNotice</name>
    <message>
        <source>Cancel</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <source>Cancel this post: %1</source>
        <translation>Batalkan kiriman ini: %1</translation>
    </message>
    <message>
        <source>%1 post(s) from the last session will be sent.</source>
        <translation>%1 kiriman dari sesi sebelumnya akan dikirim.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Write something to send.</source>
        <translation>Tulis sesuatu untuk dikirim.</translation>
    </message>
    <message>
        <source>The post is longer than X allows.</source>
        <translation>Kiriman lebih panjang daripada yang diizinkan X.</translation>
    </message>
    <message>
        <source>The text holds characters that X refuses.</source>
        <translation>Teks berisi karakter yang ditolak X.</translation>
    </message>
    <message>
        <source>X allows at most 4 images per post.</source>
        <translation>X mengizinkan paling banyak 4 gambar per kiriman.</translation>
    </message>
    <message>
        <source>Each image needs a description (alt text) for readers who cannot see it.</source>
        <translation>Setiap gambar memerlukan deskripsi (teks alternatif) untuk pembaca yang tidak dapat melihatnya.</translation>
    </message>
    <message>
        <source>Only PNG, JPEG, GIF and WebP images can be posted.</source>
        <translation>Hanya gambar PNG, JPEG, GIF, dan WebP yang dapat dikirim.</translation>
    </message>
    <message>
        <source>An image description is longer than 1,000 characters.</source>
        <translation>Deskripsi gambar lebih dari 1.000 karakter.</translation>
    </message>
    <message>
        <source>Cancel the reply</source>
        <translation>Batalkan balasan</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Gambar</translation>
    </message>
    <message>
        <source>Add image…</source>
        <translation>Tambah gambar…</translation>
    </message>
    <message>
        <source>Remove image</source>
        <translation>Hapus gambar</translation>
    </message>
    <message>
        <source>Add to thread</source>
        <translation>Tambah ke utas</translation>
    </message>
    <message>
        <source>Official capacity (kapasitas jabatan)</source>
        <translation>Kapasitas jabatan</translation>
    </message>
    <message>
        <source>Said as an official: included in the supervisor&apos;s report.</source>
        <translation>Disampaikan sebagai pejabat: disertakan dalam laporan untuk atasan.</translation>
    </message>
    <message>
        <source>Send as @%1</source>
        <translation>Kirim sebagai @%1</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <source>Write a post…</source>
        <translation>Tulis kiriman…</translation>
    </message>
    <message>
        <source>Write a post as @%1 (office account)…</source>
        <translation>Tulis kiriman sebagai @%1 (akun kantor)…</translation>
    </message>
    <message>
        <source>Write a post as @%1 (personal account)…</source>
        <translation>Tulis kiriman sebagai @%1 (akun pribadi)…</translation>
    </message>
    <message>
        <source>Replying to: %1</source>
        <translation>Membalas: %1</translation>
    </message>
    <message>
        <source>image</source>
        <translation>gambar</translation>
    </message>
    <message>
        <source>(no description yet)</source>
        <translation>(belum ada deskripsi)</translation>
    </message>
    <message>
        <source>The post holds only spaces; write some words to send it.</source>
        <translation>Kiriman hanya berisi spasi; tulis kata-katanya untuk mengirim.</translation>
    </message>
    <message>
        <source>Add image</source>
        <translation>Tambah gambar</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Gambar (%1)</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Berkas tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>X allows at most 4 images per post; %1 image(s) not added.</source>
        <translation>X mengizinkan paling banyak 4 gambar per kiriman; %1 gambar tidak ditambahkan.</translation>
    </message>
    <message>
        <source>An image is too large for X (at most 15 MB).</source>
        <translation>Gambar terlalu besar untuk X (paling besar 15 MB).</translation>
    </message>
    <message>
        <source>X takes up to 4 photos or 1 GIF in one post, not both: remove the GIF or the photos. Nothing has been uploaded.</source>
        <translation>X menerima paling banyak 4 foto atau 1 GIF dalam satu kiriman, tidak keduanya: hapus GIF atau fotonya. Belum ada yang diunggah.</translation>
    </message>
    <message>
        <source>X takes only 1 GIF per post: remove the others.</source>
        <translation>X hanya menerima 1 GIF per kiriman: hapus GIF lainnya.</translation>
    </message>
    <message>
        <source>HumasDesk cannot post video; post it from the X app.</source>
        <translation>HumasDesk tidak dapat mengirim video; kirimkan video melalui aplikasi X.</translation>
    </message>
    <message>
        <source>X does not take images on a quote post: remove the images.</source>
        <translation>X tidak menerima gambar pada kiriman kutipan: hapus gambarnya.</translation>
    </message>
</context>
<context>
    <name>ConfirmPostDialog</name>
    <message>
        <source>Office account</source>
        <translation>Akun Kantor</translation>
    </message>
    <message>
        <source>Personal account</source>
        <translation>Akun Pribadi</translation>
    </message>
    <message>
        <source>Reply as @%1?</source>
        <translation>Balas sebagai @%1?</translation>
    </message>
    <message>
        <source>This is a REPLY to @%1. It will be published from @%2 for everyone to see:</source>
        <translation>Ini BALASAN untuk @%1. Balasan akan diterbitkan dari @%2 dan dapat dilihat semua orang:</translation>
    </message>
    <message>
        <source>This is a REPLY. It will be published from @%2 for everyone to see:</source>
        <translation>Ini BALASAN. Balasan akan diterbitkan dari @%2 dan dapat dilihat semua orang:</translation>
    </message>
    <message>
        <source>Send as @%1?</source>
        <translation>Kirim sebagai @%1?</translation>
    </message>
    <message>
        <source>This will be published from @%1 for everyone to see:</source>
        <translation>Ini akan diterbitkan dari @%1 dan dapat dilihat semua orang:</translation>
    </message>
    <message>
        <source>@%1 wrote: “%2”</source>
        <translation>@%1 menulis: “%2”</translation>
    </message>
    <message>
        <source>Text to be sent</source>
        <translation>Teks yang akan dikirim</translation>
    </message>
    <message>
        <source>With %1 image(s), as shown:</source>
        <translation>Dengan %1 gambar, seperti berikut:</translation>
    </message>
    <message>
        <source>Send as @%1</source>
        <translation>Kirim sebagai @%1</translation>
    </message>
    <message>
        <source>Send reply as @%1</source>
        <translation>Kirim balasan sebagai @%1</translation>
    </message>
    <message>
        <source>Back to editing</source>
        <translation>Kembali menyunting</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>hh/bb/tttt</translation>
    </message>
    <message>
        <source>Choose from a calendar</source>
        <translation>Pilih dari kalender</translation>
    </message>
    <message>
        <source>“%1” is not a date. Write it like 28/11/2026 (or just 28).</source>
        <translation>“%1” bukan tanggal. Tulis seperti 28/11/2026 (atau cukup 28).</translation>
    </message>
</context>
<context>
    <name>DeskController</name>
    <message>
        <source>Posts still waiting</source>
        <translation>Kiriman masih menunggu</translation>
    </message>
    <message>
        <source>%1 post(s) are still waiting to be sent. Wait until they are sent, or close now and send them the next time HumasDesk starts? Nothing is lost either way.</source>
        <translation>%1 kiriman masih menunggu untuk dikirim. Tunggu sampai terkirim, atau tutup sekarang dan kirim saat HumasDesk dijalankan lagi? Tidak ada yang hilang.</translation>
    </message>
    <message>
        <source>Wait, then close</source>
        <translation>Tunggu, lalu tutup</translation>
    </message>
    <message>
        <source>Close, send next time</source>
        <translation>Tutup, kirim nanti</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Lanjut bekerja</translation>
    </message>
    <message>
        <source>The database was damaged. It was moved aside, not deleted, to %1 (give it to your IT staff), and a new one was started.</source>
        <extracomment>Brings X up (starts the practice sandbox if needed) and returns the desk&apos;s services. The official asked for a restart (new settings); the composition root starts the desk again once this one has closed.</extracomment>
        <translation>Basis data rusak. Basis data itu dipindahkan, tidak dihapus, ke %1 (serahkan kepada staf TI Anda), dan basis data baru dimulai.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Keluar dari akun</translation>
    </message>
    <message>
        <source>Sign @%1 out of HumasDesk? Its access is revoked at X and its saved sign-in is deleted from this laptop.</source>
        <translation>Keluarkan @%1 dari HumasDesk? Aksesnya dicabut di X dan data masuknya dihapus dari laptop ini.</translation>
    </message>
    <message>
        <source>Stay signed in</source>
        <translation>Tetap masuk</translation>
    </message>
    <message>
        <source>Signed out on this laptop, but X could not be reached to revoke the access: %1</source>
        <translation>Sudah keluar di laptop ini, tetapi X tidak dapat dihubungi untuk mencabut aksesnya: %1</translation>
    </message>
    <message>
        <source>The office account was handed over: its records were exported and its data removed from this laptop. The successor signs in on their own laptop.</source>
        <translation>Serah terima akun kantor selesai: arsipnya telah diekspor dan datanya dihapus dari laptop ini. Pejabat pengganti masuk dari laptopnya sendiri.</translation>
    </message>
    <message>
        <source>The activity log has been changed outside HumasDesk: entry #%1 does not match its record (%2). Keep this laptop as it is and tell your records officer.</source>
        <translation>Log aktivitas telah diubah di luar HumasDesk: entri #%1 tidak cocok dengan catatannya (%2). Biarkan laptop ini apa adanya dan beri tahu petugas arsip Anda.</translation>
    </message>
    <message>
        <source>The activity log could not be checked: %1</source>
        <translation>Log aktivitas tidak dapat diperiksa: %1</translation>
    </message>
    <message>
        <source>HumasDesk — activity log</source>
        <translation>HumasDesk — log aktivitas</translation>
    </message>
    <message>
        <source>%1 (a key for this session only: there is no system keyring)</source>
        <translation>%1 (kunci untuk sesi ini saja: tidak ada keyring sistem)</translation>
    </message>
    <message>
        <source>not made yet (made at the first export)</source>
        <translation>belum dibuat (dibuat saat ekspor pertama)</translation>
    </message>
    <message>
        <source>%1 new mention(s) for @%2</source>
        <translation>%1 mention baru untuk @%2</translation>
    </message>
    <message>
        <source>HumasDesk closes when the waiting posts have been sent.</source>
        <translation>HumasDesk akan ditutup setelah kiriman yang menunggu terkirim.</translation>
    </message>
    <message>
        <source>the system keyring (%1)</source>
        <translation>keyring sistem (%1)</translation>
    </message>
    <message>
        <source>Restart HumasDesk</source>
        <translation>Mulai ulang HumasDesk</translation>
    </message>
    <message>
        <source>Settings saved. They take effect when HumasDesk starts again. Restart now?</source>
        <translation>Pengaturan disimpan dan berlaku setelah HumasDesk dibuka kembali. Mulai ulang sekarang?</translation>
    </message>
    <message>
        <source>Settings saved. Changes take effect after HumasDesk is started again.</source>
        <translation>Pengaturan disimpan. Perubahan berlaku setelah HumasDesk dijalankan ulang.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Pengaturan disimpan.</translation>
    </message>
    <message>
        <source>Complaints for @%1: %2 near their limit, %3 overdue</source>
        <translation>Aduan untuk @%1: %2 mendekati batas waktu, %3 lewat batas waktu</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Session ended — sign in again.</source>
        <translation>Sesi berakhir — masuk lagi.</translation>
    </message>
    <message>
        <source>@%1 is already signed in to the other pane. One X account can sit in one pane only.</source>
        <translation>@%1 sudah masuk di panel lain. Satu akun X hanya dapat berada di satu panel.</translation>
    </message>
    <message>
        <source>The office pane is set to @%1, but X signed in @%2. Sign in with @%1, or change the office account in Settings.</source>
        <translation>Panel kantor ditetapkan untuk @%1, tetapi X memasukkan @%2. Masuklah dengan @%1, atau ubah akun kantor di Pengaturan.</translation>
    </message>
    <message>
        <source>The saved sign-in for this pane was damaged and has been removed. Please sign in again.</source>
        <translation>Data masuk yang tersimpan untuk panel ini rusak dan telah dihapus. Silakan masuk lagi.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space, then start HumasDesk again.</source>
        <translation>Disk penuh. Kosongkan sebagian ruang, lalu jalankan HumasDesk lagi.</translation>
    </message>
    <message>
        <source>The data folder %1 cannot be written. Ask IT staff to give your account write access, or start HumasDesk with another --data-dir.</source>
        <translation>Folder data %1 tidak dapat ditulisi. Minta staf TI memberi akun Anda hak tulis, atau jalankan HumasDesk dengan --data-dir lain.</translation>
    </message>
    <message>
        <source>The database %1 cannot be opened. Details are in the log file.</source>
        <translation>Basis data %1 tidak dapat dibuka. Rinciannya ada di berkas log.</translation>
    </message>
    <message>
        <source>The database was written by a newer HumasDesk. Install the newer version; the database was not changed.</source>
        <translation>Basis data ditulis oleh HumasDesk versi lebih baru. Pasang versi yang lebih baru; basis data tidak diubah.</translation>
    </message>
    <message>
        <source>The session with X has ended. Please sign in again.</source>
        <translation>Sesi dengan X telah berakhir. Silakan masuk lagi.</translation>
    </message>
    <message>
        <source>X refused the post: this account already posted the same text.</source>
        <translation>X menolak kiriman: akun ini sudah mengirim teks yang sama.</translation>
    </message>
    <message>
        <source>X refused the reply: replies are only allowed to posts that mention this account.</source>
        <translation>X menolak balasan: balasan hanya diizinkan untuk kiriman yang menyebut akun ini.</translation>
    </message>
    <message>
        <source>X refused the action: %1</source>
        <translation>X menolak tindakan ini: %1</translation>
    </message>
    <message>
        <source>X&apos;s request limit was reached. Sending resumes at %1.</source>
        <translation>Batas permintaan X tercapai. Pengiriman dilanjutkan pukul %1.</translation>
    </message>
    <message>
        <source>X&apos;s request limit was reached. Please wait a moment.</source>
        <translation>Batas permintaan X tercapai. Mohon tunggu sebentar.</translation>
    </message>
    <message>
        <source>The X app&apos;s usage cap is reached. Ask the agency&apos;s X app administrator.</source>
        <translation>Batas pemakaian aplikasi X tercapai. Hubungi pengelola aplikasi X instansi.</translation>
    </message>
    <message>
        <source>The post no longer exists on X.</source>
        <translation>Kiriman ini sudah tidak ada di X.</translation>
    </message>
    <message>
        <source>X is having problems right now. Please try again in a few minutes.</source>
        <translation>X sedang bermasalah. Silakan coba lagi beberapa menit lagi.</translation>
    </message>
    <message>
        <source>X cannot be reached. Check the internet connection.</source>
        <translation>X tidak dapat dihubungi. Periksa koneksi internet.</translation>
    </message>
    <message>
        <source>X refused the request: %1</source>
        <translation>X menolak permintaan: %1</translation>
    </message>
    <message>
        <source>Access was refused on the X page. Nothing was signed in.</source>
        <translation>Akses ditolak di halaman X. Tidak ada akun yang masuk.</translation>
    </message>
    <message>
        <source>The answer from the browser does not belong to this sign-in and was ignored. Please try again.</source>
        <translation>Jawaban dari peramban bukan milik proses masuk ini dan diabaikan. Silakan coba lagi.</translation>
    </message>
    <message>
        <source>No answer from the browser in time. Please try signing in again.</source>
        <translation>Tidak ada jawaban dari peramban dalam batas waktu. Silakan coba masuk lagi.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Proses masuk dibatalkan.</translation>
    </message>
    <message>
        <source>Port %1 on this laptop is used by another program, so X&apos;s answer cannot be received. Close that program, or change the callback port in Settings (and in the agency&apos;s X app).</source>
        <translation>Port %1 di laptop ini dipakai program lain, sehingga jawaban X tidak dapat diterima. Tutup program itu, atau ubah port panggilan balik di Pengaturan (dan di aplikasi X instansi).</translation>
    </message>
    <message>
        <source>X refused the sign-in. Please sign in again.</source>
        <translation>X menolak proses masuk. Silakan masuk lagi.</translation>
    </message>
    <message>
        <source>Sign-in failed. Please try again.</source>
        <translation>Gagal masuk. Silakan coba lagi.</translation>
    </message>
    <message>
        <source>The system keyring is locked. Unlock it (for example by logging in to the desktop again), then restart HumasDesk.</source>
        <translation>Keyring sistem terkunci. Buka kuncinya (misalnya dengan masuk ulang ke desktop), lalu jalankan ulang HumasDesk.</translation>
    </message>
    <message>
        <source>The system keyring refused access. Allow HumasDesk in the keyring.</source>
        <translation>Keyring sistem menolak akses. Izinkan HumasDesk di keyring.</translation>
    </message>
    <message>
        <source>No secure storage was found. Install a Secret Service provider such as GNOME Keyring or KWallet.</source>
        <translation>Penyimpanan aman tidak ditemukan. Pasang penyedia Secret Service seperti GNOME Keyring atau KWallet.</translation>
    </message>
    <message>
        <source>Not saved: you will need to sign in again after closing the app.</source>
        <translation>Tidak tersimpan: Anda perlu masuk lagi setelah aplikasi ditutup.</translation>
    </message>
    <message>
        <source>There is no system keyring on this laptop, so it was signed with a key for this session only. The signature shows the file was not changed after it was made, but it cannot be checked against the desk&apos;s saved key.</source>
        <translation>Laptop ini tidak memiliki keyring sistem, jadi berkas ditandatangani dengan kunci untuk sesi ini saja. Tanda tangan menunjukkan berkas tidak diubah sejak dibuat, tetapi tidak dapat dicocokkan dengan kunci tersimpan desk ini.</translation>
    </message>
    <message>
        <source>Something went wrong (%1). Details are in the log file.</source>
        <translation>Terjadi kesalahan (%1). Rinciannya ada di berkas log.</translation>
    </message>
    <message>
        <source>The agency&apos;s X credit is used up. Posts wait in the outbox (nothing is lost) and mentions are not read until it is topped up. The administrator of the agency&apos;s X developer account can add credit in the X developer console.</source>
        <translation>Kredit X instansi sudah habis. Kiriman menunggu di kotak keluar (tidak ada yang hilang) dan mention tidak dibaca sampai kredit diisi ulang. Admin akun developer X instansi dapat menambah kredit di konsol developer X.</translation>
    </message>
    <message>
        <source>The disk is full: there is not enough space for %1. Free some space or choose another location.</source>
        <translation>Disk penuh: tidak cukup ruang untuk %1. Kosongkan ruang atau pilih lokasi lain.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to. Choose another folder.</source>
        <translation>Folder %1 tidak dapat ditulisi. Pilih folder lain.</translation>
    </message>
    <message>
        <source>The signing key could not be read from the system keyring. Unlock the keyring (GNOME Keyring/KWallet) and try again.</source>
        <translation>Kunci tanda tangan tidak dapat dibaca dari keyring sistem. Buka kunci keyring (GNOME Keyring/KWallet) lalu ulangi.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist; choose another folder.</source>
        <translation>Folder %1 tidak ada; pilih folder lain.</translation>
    </message>
    <message>
        <source>%1 is a folder; give the file a name.</source>
        <translation>%1 adalah folder; beri nama berkasnya.</translation>
    </message>
    <message>
        <source>The PDF could not be made (%1); try another format.</source>
        <translation>PDF gagal dibuat (%1); coba format lain.</translation>
    </message>
    <message>
        <source>The file could not be written (%1).</source>
        <translation>Berkas tidak dapat ditulis (%1).</translation>
    </message>
    <message>
        <source>PDF is not available in this version; choose another format.</source>
        <translation>PDF belum tersedia di versi ini; pilih format lain.</translation>
    </message>
    <message>
        <source>The request was refused (%1). Details are in the log file.</source>
        <translation>Permintaan ditolak (%1). Rinciannya ada di berkas log.</translation>
    </message>
    <message>
        <source>This retention period cannot be used.</source>
        <translation>Masa retensi ini tidak dapat dipakai.</translation>
    </message>
    <message>
        <source>A retention period is a whole number of days.</source>
        <translation>Masa retensi harus bilangan bulat hari.</translation>
    </message>
    <message>
        <source>A retention period must be more than 0 days.</source>
        <translation>Masa retensi harus lebih dari 0 hari.</translation>
    </message>
    <message>
        <source>A retention period is at most 100 years.</source>
        <translation>Masa retensi paling lama 100 tahun.</translation>
    </message>
    <message>
        <source>An X handle has 1 to 15 letters, digits or underscores.</source>
        <translation>Handle X terdiri dari 1–15 huruf, angka atau garis bawah.</translation>
    </message>
    <message>
        <source>This must be confirmed first; nothing was erased.</source>
        <translation>Tindakan ini harus dikonfirmasi lebih dulu; tidak ada yang dihapus.</translation>
    </message>
    <message>
        <source>The personal data of entries %1 was already erased.</source>
        <translation>Data pribadi pada entri %1 sudah dihapus sebelumnya.</translation>
    </message>
    <message>
        <source>Entries %1 are official records (UU 43/2009); they are erased only through the disposal proposal.</source>
        <translation>Entri %1 adalah arsip dinas (UU 43/2009); arsip hanya dihapus melalui usul musnah.</translation>
    </message>
    <message>
        <source>Nothing about @%1 is kept on this desk.</source>
        <translation>Tidak ada data tentang @%1 yang tersimpan di desk ini.</translation>
    </message>
    <message>
        <source>Give the reason for the erasure.</source>
        <translation>Sebutkan alasan penghapusan.</translation>
    </message>
    <message>
        <source>No entry is selected.</source>
        <translation>Tidak ada entri yang dipilih.</translation>
    </message>
    <message>
        <source>Give the number of the approval or of the destruction report.</source>
        <translation>Sebutkan nomor persetujuan atau berita acara pemusnahan.</translation>
    </message>
    <message>
        <source>A request is for access, correction, restriction or erasure.</source>
        <translation>Jenis permintaan: akses, perbaikan, pembatasan atau penghapusan.</translation>
    </message>
    <message>
        <source>The times must have a time zone.</source>
        <translation>Waktu harus memiliki zona waktu.</translation>
    </message>
    <message>
        <source>A request closes as granted or refused.</source>
        <translation>Permintaan ditutup sebagai dipenuhi atau ditolak.</translation>
    </message>
    <message>
        <source>A refusal needs its reason.</source>
        <translation>Penolakan harus disertai alasannya.</translation>
    </message>
    <message>
        <source>This cannot be done with the request as given.</source>
        <translation>Hal ini tidak dapat dilakukan dengan permintaan seperti itu.</translation>
    </message>
    <message>
        <source>This period cannot be used.</source>
        <translation>Periode ini tidak dapat dipakai.</translation>
    </message>
    <message>
        <source>Request number %1 is not of the kind this needs.</source>
        <translation>Permintaan nomor %1 bukan jenis yang diperlukan di sini.</translation>
    </message>
    <message>
        <source>Request number %1 is not in the register.</source>
        <translation>Permintaan nomor %1 tidak ada di register.</translation>
    </message>
    <message>
        <source>Request number %1 is already closed.</source>
        <translation>Permintaan nomor %1 sudah ditutup.</translation>
    </message>
    <message>
        <source>Request number %1 is not an erasure request.</source>
        <translation>Permintaan nomor %1 bukan permintaan penghapusan.</translation>
    </message>
    <message>
        <source>Request number %1 is not an access request.</source>
        <translation>Permintaan nomor %1 bukan permintaan akses.</translation>
    </message>
    <message>
        <source>Request number %1 was made by someone else.</source>
        <translation>Permintaan nomor %1 diajukan oleh orang lain.</translation>
    </message>
    <message>
        <source>The age of the records must be more than 0 days.</source>
        <translation>Batas umur arsip harus lebih dari 0 hari.</translation>
    </message>
    <message>
        <source>The period must start before it ends.</source>
        <translation>Awal periode harus sebelum akhirnya.</translation>
    </message>
    <message>
        <source>The time the breach was discovered cannot be in the future.</source>
        <translation>Waktu kebocoran diketahui tidak boleh di masa depan.</translation>
    </message>
    <message>
        <source>An export is running right now, so the erasure waits. Try again when the export has finished; nothing was erased.</source>
        <translation>Saat ini ekspor sedang berjalan, jadi penghapusan ditunda. Ulangi setelah ekspor selesai; tidak ada yang dihapus.</translation>
    </message>
    <message>
        <source>Citizens&apos; data is being erased right now. Try again when the erasure has finished.</source>
        <translation>Data warga sedang dihapus. Ulangi setelah penghapusan selesai.</translation>
    </message>
    <message>
        <source>Another erasure is running. Wait until it has finished.</source>
        <translation>Penghapusan lain sedang berjalan. Tunggu hingga selesai.</translation>
    </message>
    <message>
        <source>This format is not available for an access report.</source>
        <translation>Format ini tidak tersedia untuk laporan akses.</translation>
    </message>
    <message>
        <source>This is one of the desk&apos;s own accounts, not a citizen: there is no access report for it.</source>
        <translation>Ini salah satu akun desk sendiri, bukan warga: tidak ada laporan akses untuknya.</translation>
    </message>
    <message>
        <source>%1 office posts are still waiting in the outbox.</source>
        <translation>%1 kiriman akun kantor masih di antrean kotak keluar.</translation>
    </message>
    <message>
        <source>The handover export could not be written.</source>
        <translation>Ekspor serah terima tidak dapat ditulis.</translation>
    </message>
    <message>
        <source>The handover export did not pass verification (%1); nothing was erased.</source>
        <translation>Ekspor serah terima tidak lolos verifikasi (%1); tidak ada data yang dihapus.</translation>
    </message>
    <message>
        <source>The office account was not signed out (%1). The export is kept; nothing was erased.</source>
        <translation>Akun kantor belum keluar (%1). Ekspor tetap tersimpan; tidak ada data yang dihapus.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the activity log</source>
        <extracomment>Within this many days of a month&apos;s start, the report is most likely for the month before.</extracomment>
        <translation>Ekspor log aktivitas</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>Format ekspor</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>XLSX (Excel)</source>
        <translation>XLSX (Excel)</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>Laporan PDF</translation>
    </message>
    <message>
        <source>Period start</source>
        <translation>Awal periode</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Akhir periode</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Office only</source>
        <translation>Kantor saja</translation>
    </message>
    <message>
        <source>Office + Personal</source>
        <translation>Kantor + Pribadi</translation>
    </message>
    <message>
        <source>Include the whole personal account</source>
        <translation>Sertakan seluruh akun pribadi</translation>
    </message>
    <message>
        <source>Unticked (the default), the supervisor&apos;s export holds the office account and only those personal posts marked as official capacity (kapasitas jabatan).</source>
        <translation>Tanpa centang (bawaan), ekspor untuk atasan hanya memuat akun kantor dan kiriman akun pribadi yang ditandai kapasitas jabatan.</translation>
    </message>
    <message>
        <source>Show citizens&apos; handles and words in full</source>
        <translation>Tampilkan nama pengguna dan kata-kata warga secara utuh</translation>
    </message>
    <message>
        <source>Unticked (the default), citizens&apos; handles are replaced by pseudonyms and phone numbers, e-mail addresses and NIK numbers are masked. Ticking it is recorded in the activity log.</source>
        <translation>Tanpa centang (bawaan), nama pengguna warga diganti dengan nama samaran, serta nomor telepon, alamat e-mail, dan NIK disamarkan. Pencentangan dicatat di log aktivitas.</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit kerja</translation>
    </message>
    <message>
        <source>Security classification</source>
        <translation>Klasifikasi keamanan</translation>
    </message>
    <message>
        <source>Printed on every page of the report and stated in the signed file.</source>
        <translation>Dicetak di setiap halaman laporan dan dicantumkan dalam berkas bertanda tangan.</translation>
    </message>
    <message>
        <source>Output file</source>
        <translation>Berkas tujuan</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Choose the output file</source>
        <translation>Pilih berkas tujuan</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Kemajuan ekspor</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Status ekspor</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>Start the export</source>
        <translation>Mulai ekspor</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Cancel the running export</source>
        <translation>Batalkan ekspor yang berjalan</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Buka folder</translation>
    </message>
    <message>
        <source>Open the folder of the export</source>
        <translation>Buka folder berkas ekspor</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>to</source>
        <translation>s.d.</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Periode</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Akun</translation>
    </message>
    <message>
        <source>A&amp;gency</source>
        <translation>&amp;Instansi</translation>
    </message>
    <message>
        <source>U&amp;nit</source>
        <translation>&amp;Unit kerja</translation>
    </message>
    <message>
        <source>C&amp;lassification</source>
        <translation>&amp;Klasifikasi</translation>
    </message>
    <message>
        <source>&amp;Output file</source>
        <translation>&amp;Berkas tujuan</translation>
    </message>
    <message>
        <source>The start date is after the end date; correct the period.</source>
        <translation>Tanggal awal jatuh setelah tanggal akhir; perbaiki periodenya.</translation>
    </message>
    <message>
        <source>Choose the file to export to.</source>
        <translation>Pilih berkas tujuan ekspor.</translation>
    </message>
    <message>
        <source>%1 is a folder; give the export a file name.</source>
        <translation>%1 adalah folder; beri nama berkas untuk ekspor.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist; choose another folder.</source>
        <translation>Folder %1 tidak ada; pilih folder lain.</translation>
    </message>
    <message>
        <source>These export settings are not valid (%1).</source>
        <translation>Pengaturan ekspor ini tidak sah (%1).</translation>
    </message>
    <message>
        <source>%v of %m entries checked</source>
        <translation>%v dari %m entri diperiksa</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Mengekspor…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <source>Save the export as</source>
        <translation>Simpan ekspor sebagai</translation>
    </message>
    <message>
        <source>Export files (*%1)</source>
        <translation>Berkas ekspor (*%1)</translation>
    </message>
    <message>
        <source>Export finished: %1
%2 entries; signature in %3.
Signing key fingerprint: %4</source>
        <translation>Ekspor selesai: %1
%2 entri; tanda tangan di %3.
Sidik jari kunci tanda tangan: %4</translation>
    </message>
    <message>
        <source>The export could not be recorded in the activity log.</source>
        <translation>Ekspor tidak dapat dicatat di log aktivitas.</translation>
    </message>
    <message>
        <source>Export cancelled; no file was left behind.</source>
        <translation>Ekspor dibatalkan; tidak ada berkas yang tertinggal.</translation>
    </message>
    <message>
        <source>Citizens&apos; data is being erased right now; export again when it has finished. No file was written.</source>
        <translation>Data warga sedang dihapus; ekspor lagi setelah selesai. Tidak ada berkas yang ditulis.</translation>
    </message>
    <message>
        <source>The export failed (%1).</source>
        <translation>Ekspor gagal (%1).</translation>
    </message>
</context>
<context>
    <name>ForwardSheet</name>
    <message>
        <source>Forward to LAPOR! — complaint #%1</source>
        <translation>Teruskan ke LAPOR! — aduan #%1</translation>
    </message>
    <message>
        <source>Copy each field into the LAPOR! form on lapor.go.id, send the report there, then type the tracking ID LAPOR! shows (7 to 10 digits, e.g. #1916449).</source>
        <translation>Salin setiap isian ke formulir LAPOR! di lapor.go.id, kirim laporannya di sana, lalu ketik nomor pelacakan yang ditampilkan LAPOR! (7 sampai 10 angka, misalnya #1916449).</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klasifikasi laporan</translation>
    </message>
    <message>
        <source>Title (judul)</source>
        <translation>Judul laporan</translation>
    </message>
    <message>
        <source>Report text (isi laporan)</source>
        <translation>Isi laporan</translation>
    </message>
    <message>
        <source>Date of the event</source>
        <translation>Tanggal kejadian</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lokasi kejadian</translation>
    </message>
    <message>
        <source>Agency addressed</source>
        <translation>Instansi tujuan</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Attachments (links)</source>
        <translation>Lampiran (tautan)</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonim</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Rahasia</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Salin %1</translation>
    </message>
    <message>
        <source>Open lapor.go.id</source>
        <translation>Buka lapor.go.id</translation>
    </message>
    <message>
        <source>LAPOR! tracking ID</source>
        <translation>Nomor pelacakan LAPOR!</translation>
    </message>
    <message>
        <source>Save the tracking ID</source>
        <translation>Simpan nomor pelacakan</translation>
    </message>
    <message>
        <source>Reply to the citizen with this number</source>
        <translation>Balas warga dengan nomor ini</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Tersalin.</translation>
    </message>
    <message>
        <source>Saved: the complaint is forwarded to LAPOR! with number #%1.</source>
        <translation>Tersimpan: aduan diteruskan ke LAPOR! dengan nomor #%1.</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Hand over the office account</source>
        <translation>Serah terima akun kantor</translation>
    </message>
    <message>
        <source>Handover step</source>
        <translation>Langkah serah terima</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Kembali</translation>
    </message>
    <message>
        <source>Back to the previous step</source>
        <translation>Kembali ke langkah sebelumnya</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Lanjut &gt;</translation>
    </message>
    <message>
        <source>Go to the next step</source>
        <translation>Lanjut ke langkah berikutnya</translation>
    </message>
    <message>
        <source>&amp;Run handover</source>
        <translation>&amp;Jalankan serah terima</translation>
    </message>
    <message>
        <source>Run the handover now</source>
        <translation>Jalankan serah terima sekarang</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Close the handover window</source>
        <translation>Tutup jendela serah terima</translation>
    </message>
    <message>
        <source>The office account %1 is handed over to your successor. HumasDesk will:

1. export the office account&apos;s complete records (its posts and replies, and the citizens&apos; mentions with their full data) to one signed JSON Lines file for the unit;
2. verify the written file and its signature;
3. sign the office account out: its sign-in is revoked at X and removed from the system keyring;
4. only after the file is verified, remove the office data from this laptop: the office inbox, its sent posts list, its draft and the citizens&apos; handles and texts in its activity log entries.

The office account&apos;s own posts, their times and hashes stay in the activity log as proof that it is authentic. Your personal account and its data are not touched.

If any step fails, nothing is erased.</source>
        <translation>Akun kantor %1 diserahterimakan kepada pejabat pengganti Anda. HumasDesk akan:

1. mengekspor seluruh arsip akun kantor (kiriman dan balasannya, serta mention warga beserta datanya secara lengkap) ke satu berkas JSON Lines bertanda tangan untuk unit kerja;
2. memeriksa berkas yang ditulis beserta tanda tangannya;
3. mengeluarkan akun kantor: aksesnya dicabut di X dan data masuknya dihapus dari keyring sistem;
4. hanya setelah berkas lolos pemeriksaan, menghapus data kantor dari laptop ini: kotak masuk kantor, daftar kiriman terkirimnya, drafnya, serta nama pengguna dan teks warga dalam entri log aktivitasnya.

Kiriman akun kantor sendiri beserta waktu dan hash-nya tetap ada di log aktivitas sebagai bukti keautentikannya. Akun pribadi Anda dan datanya tidak disentuh.

Jika ada langkah yang gagal, tidak ada yang dihapus.</translation>
    </message>
    <message>
        <source>What the handover does</source>
        <translation>Yang dilakukan serah terima</translation>
    </message>
    <message>
        <source>Office account: %1</source>
        <translation>Akun kantor: %1</translation>
    </message>
    <message>
        <source>Office account</source>
        <translation>Akun kantor</translation>
    </message>
    <message>
        <source>File for the unit</source>
        <translation>Berkas untuk unit kerja</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>&amp;Pilih…</translation>
    </message>
    <message>
        <source>Choose the file for the unit</source>
        <translation>Pilih berkas untuk unit kerja</translation>
    </message>
    <message>
        <source>&amp;File for the unit:</source>
        <translation>&amp;Berkas untuk unit kerja:</translation>
    </message>
    <message>
        <source>The signature is written next to it (the same name ending in .sig). Hand both files to the unit.</source>
        <translation>Tanda tangan ditulis di sebelahnya (nama yang sama berakhiran .sig). Serahkan kedua berkas kepada unit kerja.</translation>
    </message>
    <message>
        <source>Problem with the file</source>
        <translation>Masalah pada berkas</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Yang akan terjadi</translation>
    </message>
    <message>
        <source>Type the office account&apos;s handle</source>
        <translation>Ketik nama pengguna akun kantor</translation>
    </message>
    <message>
        <source>&amp;Type %1 to confirm:</source>
        <translation>Ke&amp;tik %1 untuk konfirmasi:</translation>
    </message>
    <message>
        <source>Handing over: exporting, verifying, signing out and removing the office data. Keep HumasDesk open until it has finished.</source>
        <translation>Serah terima berjalan: mengekspor, memeriksa, mengeluarkan akun, dan menghapus data kantor. Biarkan HumasDesk tetap terbuka sampai selesai.</translation>
    </message>
    <message>
        <source>Handover progress</source>
        <translation>Kemajuan serah terima</translation>
    </message>
    <message>
        <source>Handover note</source>
        <translation>Catatan serah terima</translation>
    </message>
    <message>
        <source>The handover is finished. Write these two values in the handover report (berita acara serah terima): with them the unit can prove that the file is the one made today.</source>
        <translation>Serah terima selesai. Tuliskan kedua nilai ini dalam berita acara serah terima: dengan nilai ini unit kerja dapat membuktikan bahwa berkas tersebut adalah berkas yang dibuat hari ini.</translation>
    </message>
    <message>
        <source>Signing key fingerprint</source>
        <translation>Sidik jari kunci penanda tangan</translation>
    </message>
    <message>
        <source>Signing key &amp;fingerprint:</source>
        <translation>&amp;Sidik jari kunci penanda tangan:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <source>Copy the fingerprint</source>
        <translation>Salin sidik jari</translation>
    </message>
    <message>
        <source>SHA-256 of the file</source>
        <translation>SHA-256 berkas</translation>
    </message>
    <message>
        <source>&amp;SHA-256 of the file:</source>
        <translation>S&amp;HA-256 berkas:</translation>
    </message>
    <message>
        <source>Copy the SHA-256</source>
        <translation>Salin SHA-256</translation>
    </message>
    <message>
        <source>Handover file</source>
        <translation>Berkas serah terima</translation>
    </message>
    <message>
        <source>What was removed</source>
        <translation>Yang dihapus</translation>
    </message>
    <message>
        <source>What stays on this laptop</source>
        <translation>Yang tetap ada di laptop ini</translation>
    </message>
    <message>
        <source>Copy status</source>
        <translation>Status penyalinan</translation>
    </message>
    <message>
        <source>The handover stopped. NOTHING was erased: the office account&apos;s data is still on this laptop.</source>
        <translation>Serah terima berhenti. TIDAK ADA yang dihapus: data akun kantor masih ada di laptop ini.</translation>
    </message>
    <message>
        <source>Why the handover stopped</source>
        <translation>Penyebab serah terima berhenti</translation>
    </message>
    <message>
        <source>Choose the file for the unit.</source>
        <translation>Pilih berkas untuk unit kerja.</translation>
    </message>
    <message>
        <source>%1 already exists; choose a new name so that no earlier file is overwritten.</source>
        <translation>%1 sudah ada; pilih nama baru agar tidak ada berkas lama yang tertimpa.</translation>
    </message>
    <message>
        <source>Step 1 of 5: what will happen</source>
        <translation>Langkah 1 dari 5: yang akan terjadi</translation>
    </message>
    <message>
        <source>Step 2 of 5: the file for the unit</source>
        <translation>Langkah 2 dari 5: berkas untuk unit kerja</translation>
    </message>
    <message>
        <source>Step 3 of 5: confirm</source>
        <translation>Langkah 3 dari 5: konfirmasi</translation>
    </message>
    <message>
        <source>Step 4 of 5: handing over</source>
        <translation>Langkah 4 dari 5: serah terima berjalan</translation>
    </message>
    <message>
        <source>Step 5 of 5: for the handover report</source>
        <translation>Langkah 5 dari 5: untuk berita acara serah terima</translation>
    </message>
    <message>
        <source>The handover stopped</source>
        <translation>Serah terima berhenti</translation>
    </message>
    <message>
        <source>The office account %1 will be exported to %2, signed out, and its data removed from this laptop. This cannot be undone.</source>
        <translation>Akun kantor %1 akan diekspor ke %2, dikeluarkan, dan datanya dihapus dari laptop ini. Tindakan ini tidak dapat dibatalkan.</translation>
    </message>
    <message>
        <source>Save the handover file as</source>
        <translation>Simpan berkas serah terima sebagai</translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl)</source>
        <translation>Berkas JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>File: %1
Signature: %2</source>
        <translation>Berkas: %1
Tanda tangan: %2</translation>
    </message>
    <message>
        <source>Exported: %1 log entries. Removed from this laptop: the citizens&apos; data of %2 log entries, %3 inbox messages, %4 finished outbox posts and %5 draft.</source>
        <translation>Diekspor: %1 entri log. Dihapus dari laptop ini: data warga dari %2 entri log, %3 pesan kotak masuk, %4 kiriman kotak keluar yang sudah selesai, dan %5 draf.</translation>
    </message>
    <message>
        <source>What stays on this laptop: the office account&apos;s own posts, their times and hashes in the activity log (the tamper-evident chain, as proof), and your personal account with all its data. The office account is signed out.</source>
        <translation>Yang tetap ada di laptop ini: kiriman akun kantor sendiri beserta waktu dan hash-nya di log aktivitas (rantai hash yang memperlihatkan setiap perubahan, sebagai bukti), serta akun pribadi Anda dengan seluruh datanya. Akun kantor sudah dikeluarkan.</translation>
    </message>
    <message>
        <source>%1 office inbox messages arrived after the export and are still on this laptop.</source>
        <translation>%1 pesan kotak masuk kantor tiba setelah ekspor dan masih ada di laptop ini.</translation>
    </message>
    <message>
        <source>Nothing was erased. Wait until it has finished, then run the handover again.</source>
        <translation>Tidak ada yang dihapus. Tunggu sampai proses itu selesai, lalu jalankan serah terima lagi.</translation>
    </message>
    <message>
        <source>The handover stopped unexpectedly (%1). Look at the activity log before trying again; details are in the log file.</source>
        <translation>Serah terima berhenti tanpa diduga (%1). Periksa log aktivitas sebelum mencoba lagi; rinciannya ada di berkas log.</translation>
    </message>
    <message>
        <source>The file already written is kept: %1. Do not hand it over as the final file; the next attempt writes a new one.</source>
        <translation>Berkas yang sudah ditulis tetap disimpan: %1. Jangan serahkan berkas itu sebagai berkas akhir; percobaan berikutnya menulis berkas baru.</translation>
    </message>
    <message>
        <source>Office posts are still waiting in the outbox. Wait until they are sent, or cancel them, then run the handover again.</source>
        <translation>Masih ada kiriman akun kantor yang menunggu di kotak keluar. Tunggu sampai terkirim, atau batalkan, lalu jalankan serah terima lagi.</translation>
    </message>
    <message>
        <source>The file for the unit could not be written. Choose another folder and try again.</source>
        <translation>Berkas untuk unit kerja tidak dapat ditulis. Pilih folder lain lalu coba lagi.</translation>
    </message>
    <message>
        <source>The written file did not pass verification, so the office account was not signed out. Show the file to the IT staff, then run the handover again to a new file.</source>
        <translation>Berkas yang ditulis tidak lolos pemeriksaan, sehingga akun kantor tidak dikeluarkan. Tunjukkan berkas itu kepada staf TI, lalu jalankan serah terima lagi ke berkas baru.</translation>
    </message>
    <message>
        <source>The office account could not be signed out (X or the system keyring did not answer). Check the internet connection and the keyring, then run the handover again.</source>
        <translation>Akun kantor tidak dapat dikeluarkan (X atau keyring sistem tidak menjawab). Periksa koneksi internet dan keyring, lalu jalankan serah terima lagi.</translation>
    </message>
    <message>
        <source>Nothing was erased and the office account is still signed in.</source>
        <translation>Tidak ada yang dihapus dan akun kantor masih masuk.</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Disalin ke papan klip.</translation>
    </message>
    <message>
        <source>The handover cannot be stopped halfway. This window stays open until it has finished, so that you can note the values for the handover report.</source>
        <translation>Serah terima tidak dapat dihentikan di tengah jalan. Jendela ini tetap terbuka sampai selesai, agar Anda dapat mencatat nilai-nilai untuk berita acara serah terima.</translation>
    </message>
</context>
<context>
    <name>ImageStrip</name>
    <message>
        <source>Image %1</source>
        <translation>Gambar %1</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(belum ada deskripsi)</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <source>No mentions yet.</source>
        <translation>Belum ada mention.</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Mention</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Balas</translation>
    </message>
    <message>
        <source>Reply to the selected mention</source>
        <translation>Balas mention yang dipilih</translation>
    </message>
    <message>
        <source>Mark handled</source>
        <translation>Tandai ditangani</translation>
    </message>
    <message>
        <source>Mark the selected mention as handled</source>
        <translation>Tandai mention yang dipilih sebagai sudah ditangani</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <source>Ignore the selected mention</source>
        <translation>Abaikan mention yang dipilih</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Aduan</translation>
    </message>
    <message>
        <source>Tag the selected mention as a complaint</source>
        <translation>Tandai mention yang dipilih sebagai aduan</translation>
    </message>
    <message>
        <source>An aduan is measured against the SP4N-LAPOR! service times in the report.</source>
        <translation>Aduan diukur terhadap waktu layanan SP4N-LAPOR! dalam laporan.</translation>
    </message>
    <message>
        <source>Synced with X at %1; next check in %2 s.</source>
        <translation>Disinkronkan dengan X pukul %1; pemeriksaan berikutnya dalam %2 dtk.</translation>
    </message>
    <message>
        <source>Last synced with X at %1.</source>
        <translation>Terakhir disinkronkan dengan X pukul %1.</translation>
    </message>
    <message>
        <source>New</source>
        <comment>mention state</comment>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Read</source>
        <comment>mention state</comment>
        <translation>Dibaca</translation>
    </message>
    <message>
        <source>Replied</source>
        <comment>mention state</comment>
        <translation>Dibalas</translation>
    </message>
    <message>
        <source>Ignored</source>
        <comment>mention state</comment>
        <translation>Diabaikan</translation>
    </message>
    <message>
        <source>Unknown author</source>
        <translation>Penulis tidak dikenal</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Ditangani</translation>
    </message>
</context>
<context>
    <name>LogEntryDialog</name>
    <message>
        <source>Log entry %1</source>
        <translation>Entri log %1</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Waktu (UTC)</translation>
    </message>
    <message>
        <source>Account slot</source>
        <translation>Slot akun</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aksi</translation>
    </message>
    <message>
        <source>X post ID</source>
        <translation>ID kiriman X</translation>
    </message>
    <message>
        <source>In reply to</source>
        <translation>Membalas</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Warga</translation>
    </message>
    <message>
        <source>Citizen&apos;s text</source>
        <translation>Teks warga</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>Previous hash</source>
        <translation>Hash sebelumnya</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>View on X</source>
        <translation>Lihat di X</translation>
    </message>
    <message>
        <source>Open this post on X in the browser</source>
        <translation>Buka kiriman ini di X pada peramban</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>LogTableModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aksi</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Warga</translation>
    </message>
    <message>
        <source>Post sent</source>
        <translation>Kiriman terkirim</translation>
    </message>
    <message>
        <source>Reply sent</source>
        <translation>Balasan terkirim</translation>
    </message>
    <message>
        <source>Repost sent</source>
        <translation>Kiriman dibagikan ulang</translation>
    </message>
    <message>
        <source>Post failed</source>
        <translation>Kiriman gagal</translation>
    </message>
    <message>
        <source>Post deleted</source>
        <translation>Kiriman dihapus</translation>
    </message>
    <message>
        <source>Mention received</source>
        <translation>Mention diterima</translation>
    </message>
    <message>
        <source>Mention handled</source>
        <translation>Mention ditangani</translation>
    </message>
    <message>
        <source>Mention ignored</source>
        <translation>Mention diabaikan</translation>
    </message>
    <message>
        <source>Mention tagged</source>
        <translation>Mention ditandai</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Keluar dari akun</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Gagal masuk</translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation>Sesi berakhir</translation>
    </message>
    <message>
        <source>Export made</source>
        <translation>Ekspor dibuat</translation>
    </message>
    <message>
        <source>Log chain broken</source>
        <translation>Rantai log rusak</translation>
    </message>
    <message>
        <source>Personal data erased</source>
        <translation>Data pribadi dihapus</translation>
    </message>
    <message>
        <source>Post scheduled</source>
        <translation>Kiriman dijadwalkan</translation>
    </message>
    <message>
        <source>Scheduled post moved</source>
        <translation>Waktu kiriman terjadwal diubah</translation>
    </message>
    <message>
        <source>Scheduled post edited</source>
        <translation>Teks kiriman terjadwal diubah</translation>
    </message>
    <message>
        <source>Scheduled post cancelled</source>
        <translation>Kiriman terjadwal dibatalkan</translation>
    </message>
    <message>
        <source>Scheduled post missed</source>
        <translation>Kiriman terjadwal terlewat</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Pribadi</translation>
    </message>
    <message>
        <source>(text erased)</source>
        <translation>(teks telah dihapus)</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>(telah dihapus)</translation>
    </message>
    <message>
        <source>Mention tagged as a complaint (aduan)</source>
        <translation>Mention ditandai sebagai aduan</translation>
    </message>
    <message>
        <source>Mention tagged: %1</source>
        <translation>Mention ditandai: %1</translation>
    </message>
    <message>
        <source>Complaint (aduan) tag removed</source>
        <translation>Tanda aduan dicabut</translation>
    </message>
    <message>
        <source>Post sent outside HumasDesk</source>
        <translation>Kiriman di luar HumasDesk</translation>
    </message>
    <message>
        <source>Reply sent outside HumasDesk</source>
        <translation>Balasan di luar HumasDesk</translation>
    </message>
    <message>
        <source>Repost made outside HumasDesk</source>
        <translation>Repost di luar HumasDesk</translation>
    </message>
    <message>
        <source>Post edited on X</source>
        <translation>Kiriman diedit di X</translation>
    </message>
    <message>
        <source>Post deleted on X</source>
        <translation>Kiriman dihapus di X</translation>
    </message>
    <message>
        <source>Numbers read from X</source>
        <translation>Angka dibaca dari X</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>From date</source>
        <translation>Tanggal awal</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Tanggal akhir</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aksi</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Search the post and mention text</source>
        <translation>Cari di teks kiriman dan mention</translation>
    </message>
    <message>
        <source>Search text…</source>
        <translation>Cari teks…</translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation>Atur ulang filter</translation>
    </message>
    <message>
        <source>Show the whole log again</source>
        <translation>Tampilkan seluruh log lagi</translation>
    </message>
    <message>
        <source>Number of entries</source>
        <translation>Jumlah entri</translation>
    </message>
    <message>
        <source>Activity log entries</source>
        <translation>Entri log aktivitas</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Dari</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Sampai</translation>
    </message>
    <message>
        <source>A&amp;ccount</source>
        <translation>A&amp;kun</translation>
    </message>
    <message>
        <source>Actio&amp;n</source>
        <translation>Ak&amp;si</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Cari</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>kapan saja</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 entri</translation>
    </message>
    <message>
        <source>The activity log could not be read (%1). Try again with Reset filters.</source>
        <translation>Log aktivitas tidak dapat dibaca (%1). Coba lagi dengan Atur ulang filter.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Practice Mode: posts go to the built-in X emulator on this laptop, not to the real X.</source>
        <translation>Mode Latihan: kiriman masuk ke emulator X bawaan di laptop ini, bukan ke X sungguhan.</translation>
    </message>
    <message>
        <source>To start: write a post in the box under an account&apos;s name (Ctrl+1 office, Ctrl+2 personal), or pick a citizen&apos;s mention below it and press Reply. Each post first waits a few seconds in the Outbox, where Cancel takes it back.</source>
        <translation>Untuk mulai: tulis kiriman di kotak di bawah nama akun (Ctrl+1 akun kantor, Ctrl+2 akun pribadi), atau pilih mention warga di bawahnya lalu tekan Balas. Setiap kiriman menunggu beberapa detik di Kotak keluar; tombol Batalkan menariknya kembali.</translation>
    </message>
    <message>
        <source>Hide this hint</source>
        <translation>Sembunyikan petunjuk ini</translation>
    </message>
    <message>
        <source>&amp;HumasDesk</source>
        <translation>&amp;HumasDesk</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Pengaturan…</translation>
    </message>
    <message>
        <source>&amp;Quit HumasDesk</source>
        <translation>&amp;Tutup HumasDesk</translation>
    </message>
    <message>
        <source>Activity &amp;log…</source>
        <translation>&amp;Log aktivitas…</translation>
    </message>
    <message>
        <source>&amp;Export a report…</source>
        <translation>&amp;Ekspor laporan…</translation>
    </message>
    <message>
        <source>&amp;Citizens&apos; data</source>
        <translation>Data &amp;warga</translation>
    </message>
    <message>
        <source>Data subject &amp;requests…</source>
        <translation>&amp;Permintaan subjek data…</translation>
    </message>
    <message>
        <source>&amp;Access report for one person…</source>
        <translation>&amp;Laporan akses untuk satu orang…</translation>
    </message>
    <message>
        <source>Re&amp;tention and disposal review…</source>
        <translation>&amp;Retensi dan penilaian arsip…</translation>
    </message>
    <message>
        <source>Data &amp;breach kit…</source>
        <translation>Penanganan &amp;kebocoran data…</translation>
    </message>
    <message>
        <source>&amp;Hand over the office account…</source>
        <translation>&amp;Serah terima akun kantor…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;One pane at a time</source>
        <translation>&amp;Satu panel sekaligus</translation>
    </message>
    <message>
        <source>Show the &amp;office account</source>
        <translation>Tampilkan akun &amp;kantor</translation>
    </message>
    <message>
        <source>Show the &amp;personal account</source>
        <translation>Tampilkan akun &amp;pribadi</translation>
    </message>
    <message>
        <source>&amp;Switch pane</source>
        <translation>&amp;Ganti panel</translation>
    </message>
    <message>
        <source>Practice Mode</source>
        <translation>Mode Latihan</translation>
    </message>
    <message>
        <source>Office account: %1 new mention(s) (Ctrl+1)</source>
        <translation>Akun kantor: %1 mention baru (Ctrl+1)</translation>
    </message>
    <message>
        <source>Personal account: %1 new mention(s) (Ctrl+2)</source>
        <translation>Akun pribadi: %1 mention baru (Ctrl+2)</translation>
    </message>
    <message>
        <source>&amp;Consolidate the officials&apos; reports…</source>
        <translation>&amp;Rekap laporan bawahan…</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>No connection to X.</source>
        <extracomment>States the official can still stop (the store cancels from these). Not out yet and not given up: what the Outbox tab counts.</extracomment>
        <translation>Tidak ada koneksi ke X.</translation>
    </message>
    <message>
        <source>X had a server problem.</source>
        <translation>Server X sedang bermasalah.</translation>
    </message>
    <message>
        <source>HumasDesk stopped while sending; X is checked before sending again.</source>
        <translation>HumasDesk berhenti saat mengirim; X diperiksa dulu sebelum mengirim ulang.</translation>
    </message>
    <message>
        <source>X&apos;s request limit was reached.</source>
        <translation>Batas permintaan X tercapai.</translation>
    </message>
    <message>
        <source>The X app&apos;s usage cap is reached.</source>
        <translation>Batas pemakaian aplikasi X tercapai.</translation>
    </message>
    <message>
        <source>Sign in again to send.</source>
        <translation>Masuk kembali untuk mengirim.</translation>
    </message>
    <message>
        <source>X refused it: this account already posted the same text.</source>
        <translation>X menolaknya: akun ini sudah mengirim teks yang sama.</translation>
    </message>
    <message>
        <source>X refused the reply: replies are only allowed to posts that mention this account.</source>
        <translation>X menolak balasan: balasan hanya diizinkan untuk kiriman yang menyebut akun ini.</translation>
    </message>
    <message>
        <source>X refused the post as invalid.</source>
        <translation>X menolak kiriman karena tidak valid.</translation>
    </message>
    <message>
        <source>X refused the post.</source>
        <translation>X menolak kiriman.</translation>
    </message>
    <message>
        <source>The post being answered or quoted no longer exists.</source>
        <translation>Kiriman yang dibalas atau dikutip sudah tidak ada.</translation>
    </message>
    <message>
        <source>Another X account is signed in to this pane; this post was not sent.</source>
        <translation>Akun X lain sedang masuk di panel ini; kiriman ini tidak dikirim.</translation>
    </message>
    <message>
        <source>The previous post of this thread was not sent.</source>
        <translation>Kiriman sebelumnya dalam utas ini belum terkirim.</translation>
    </message>
    <message>
        <source>Sending failed.</source>
        <translation>Gagal mengirim.</translation>
    </message>
    <message>
        <source>Retrying at %1.</source>
        <translation>Dicoba lagi pukul %1.</translation>
    </message>
    <message>
        <source>Sending in %1 s</source>
        <translation>Dikirim dalam %1 dtk</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Mengirim…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Gagal: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Balasan</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <source>Repost</source>
        <translation>Bagikan ulang</translation>
    </message>
    <message>
        <source>Thread, part %1</source>
        <translation>Utas, bagian %1</translation>
    </message>
    <message>
        <source>X said: %1</source>
        <translation>Keterangan dari X: %1</translation>
    </message>
    <message>
        <source>The outbox is empty.</source>
        <translation>Kotak keluar kosong.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Kotak keluar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <source>Cancel sending the selected post</source>
        <translation>Batalkan pengiriman kiriman yang dipilih</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Retry sending the selected post</source>
        <translation>Coba kirim ulang kiriman yang dipilih</translation>
    </message>
    <message>
        <source>The agency&apos;s X credit is used up.</source>
        <translation>Kredit X instansi sudah habis.</translation>
    </message>
</context>
<context>
    <name>PanePlaceholder</name>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
</context>
<context>
    <name>PostEditor</name>
    <message>
        <source>Write a post…</source>
        <translation>Tulis kiriman…</translation>
    </message>
    <message>
        <source>Post text</source>
        <translation>Teks kiriman</translation>
    </message>
    <message>
        <source>Characters used</source>
        <translation>Karakter terpakai</translation>
    </message>
</context>
<context>
    <name>PostsView</name>
    <message>
        <source>No posts yet.</source>
        <translation>Belum ada kiriman.</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Kiriman</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Delete the selected post from X</source>
        <translation>Hapus kiriman yang dipilih dari X</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Reload the posts from X</source>
        <translation>Muat ulang kiriman dari X</translation>
    </message>
    <message>
        <source>this account</source>
        <translation>akun ini</translation>
    </message>
    <message>
        <source>Delete this post of %1 from X?

&quot;%2&quot;

This cannot be undone.</source>
        <translation>Hapus kiriman %1 ini dari X?

&quot;%2&quot;

Tindakan ini tidak dapat dibatalkan.</translation>
    </message>
    <message>
        <source>Delete post</source>
        <translation>Hapus kiriman</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Jangan hapus</translation>
    </message>
</context>
<context>
    <name>PrivacyDialogs</name>
    <message>
        <source>The folder %1 does not exist; choose another folder.</source>
        <translation>Folder %1 tidak ada; pilih folder lain.</translation>
    </message>
    <message>
        <source>%1 is a folder; give the file a name.</source>
        <translation>%1 adalah folder; beri nama berkasnya.</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <extracomment>`pdf_writer(text, path)`: lays out a plain text as a PDF file at `path`. `ask(parent, title, text)`: a yes/no question; True for yes.</extracomment>
        <translation>Pilih berkas yang akan ditulis.</translation>
    </message>
</context>
<context>
    <name>PrivacyMenu</name>
    <message>
        <source>Hand over the office account</source>
        <translation>Serah terima akun kantor</translation>
    </message>
    <message>
        <source>Sign the office account in first: the handover exports its records and then revokes its access at X.</source>
        <translation>Masuk ke akun kantor terlebih dahulu: serah terima mengekspor arsipnya, lalu mencabut aksesnya di X.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>ReachPanel</name>
    <message>
        <source>Not measured yet</source>
        <translation>Belum diukur</translation>
    </message>
    <message>
        <source>%1 impressions · %2 likes · %3 reposts · %4 replies · %5</source>
        <translation>%1 tayangan · %2 suka · %3 repost · %4 balasan · %5</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>dibaca %1</translation>
    </message>
    <message>
        <source>deleted on X</source>
        <translation>dihapus di X</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 hari terakhir</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 hari terakhir</translation>
    </message>
    <message>
        <source>%1: no post measured</source>
        <translation>%1: belum ada kiriman yang diukur</translation>
    </message>
    <message>
        <source>%1: %2 posts, %3 impressions, engagement %4</source>
        <translation>%1: %2 kiriman, %3 tayangan, keterlibatan %4</translation>
    </message>
    <message>
        <source>Budget for reading numbers used up</source>
        <translation>Anggaran baca angka habis</translation>
    </message>
    <message>
        <source>Numbers: US$%1 of %2</source>
        <translation>Baca angka: US$%1 dari %2</translation>
    </message>
    <message>
        <source>Reading numbers this month: US$%1 of US$%2</source>
        <translation>Baca angka bulan ini: US$%1 dari US$%2</translation>
    </message>
    <message>
        <source>%1 readings skipped to stay within the budget</source>
        <translation>%1 pembacaan dilewati agar anggaran tidak terlampaui</translation>
    </message>
    <message>
        <source>Reach summary</source>
        <translation>Ringkasan jangkauan</translation>
    </message>
    <message>
        <source>Sort posts</source>
        <translation>Urutkan kiriman</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Terbaru dulu</translation>
    </message>
    <message>
        <source>Most impressions</source>
        <translation>Tayangan terbanyak</translation>
    </message>
    <message>
        <source>Highest engagement rate</source>
        <translation>Tingkat keterlibatan tertinggi</translation>
    </message>
    <message>
        <source>Refresh numbers</source>
        <translation>Perbarui angka</translation>
    </message>
    <message>
        <source>Read the selected post&apos;s numbers now</source>
        <translation>Baca angka kiriman yang dipilih sekarang</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>Urutkan:</translation>
    </message>
    <message>
        <source>This month&apos;s budget for reading numbers is used up: no numbers are read until next month (Settings, Costs).</source>
        <translation>Anggaran baca angka bulan ini sudah habis: tidak ada angka yang dibaca sampai bulan depan (Pengaturan, Biaya).</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <source>Suggested complaints (keywords):</source>
        <translation>Saran aduan (kata kunci):</translation>
    </message>
    <message>
        <source>Suggested complaints</source>
        <translation>Saran aduan</translation>
    </message>
    <message>
        <source>Tag as complaint</source>
        <translation>Tandai sebagai aduan</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Abaikan saran</translation>
    </message>
    <message>
        <source>Complaint register</source>
        <translation>Daftar aduan</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Kelas</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>Balas…</translation>
    </message>
    <message>
        <source>Forward to LAPOR!…</source>
        <translation>Teruskan ke LAPOR!…</translation>
    </message>
    <message>
        <source>Being followed up</source>
        <translation>Ditindaklanjuti</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Tolak…</translation>
    </message>
    <message>
        <source>Reply templates…</source>
        <translation>Templat balasan…</translation>
    </message>
    <message>
        <source>Both accounts…</source>
        <translation>Kedua akun…</translation>
    </message>
    <message>
        <source>No complaints yet. Tag a mention as a complaint (Aduan) and it appears here.</source>
        <translation>Belum ada aduan. Tandai sebuah mention sebagai Aduan, maka aduan itu muncul di sini.</translation>
    </message>
    <message>
        <source>Reject the complaint</source>
        <translation>Tolak aduan</translation>
    </message>
    <message>
        <source>Why is the complaint rejected? (the reason is kept)</source>
        <translation>Mengapa aduan ditolak? (alasannya disimpan)</translation>
    </message>
    <message>
        <source>Keywords…</source>
        <translation>Kata kunci…</translation>
    </message>
    <message>
        <source>The words that suggest a complaint: a plain text file, one list per class.</source>
        <translation>Kata-kata yang menyarankan aduan: berkas teks biasa, satu daftar per kelas.</translation>
    </message>
    <message>
        <source>Mention: %1</source>
        <translation>Mention: %1</translation>
    </message>
    <message>
        <source>Reply: %1</source>
        <translation>Balasan: %1</translation>
    </message>
    <message>
        <source>LAPOR! #%1: %2</source>
        <translation>LAPOR! #%1: %2</translation>
    </message>
</context>
<context>
    <name>Rekap</name>
    <message>
        <source>Verified, counted</source>
        <translation>Terverifikasi, dihitung</translation>
    </message>
    <message>
        <source>EXCLUDED</source>
        <translation>DIKELUARKAN</translation>
    </message>
    <message>
        <source>Signature, key, manifest and chain verified; counted.</source>
        <translation>Tanda tangan, kunci, manifest dan rantai terverifikasi; dihitung.</translation>
    </message>
    <message>
        <source>Altered: entry %1 does not match its hash.</source>
        <translation>Diubah: entri %1 tidak cocok dengan hash-nya.</translation>
    </message>
    <message>
        <source>Altered: the content differs from what was signed.</source>
        <translation>Diubah: isi berkas berbeda dari yang ditandatangani.</translation>
    </message>
    <message>
        <source>The signature in the .sig file is not valid (edited or forged).</source>
        <translation>Tanda tangan di berkas .sig tidak sah (diubah atau dipalsukan).</translation>
    </message>
    <message>
        <source>No .sig signature file beside it; ask the official for it.</source>
        <translation>Tidak ada berkas tanda tangan .sig di sampingnya; mintalah kepada pejabatnya.</translation>
    </message>
    <message>
        <source>The .sig file belongs to another file (%1).</source>
        <translation>Berkas .sig ini milik berkas lain (%1).</translation>
    </message>
    <message>
        <source>Key %1 is not in the register of trusted keys; add it under Keys if it is the official&apos;s.</source>
        <translation>Kunci %1 tidak ada di daftar kunci tepercaya; tambahkan melalui Kunci tepercaya bila benar milik pejabatnya.</translation>
    </message>
    <message>
        <source>The key was retired from %1</source>
        <translation>Kunci sudah tidak berlaku sejak %1</translation>
    </message>
    <message>
        <source>, but the file holds entries of %1</source>
        <translation>, tetapi berkas memuat entri tanggal %1</translation>
    </message>
    <message>
        <source>The key is valid only from %1</source>
        <translation>Kunci baru berlaku sejak %1</translation>
    </message>
    <message>
        <source>A %1 file, not JSON Lines; ask the official for a JSON Lines export (Export a report… → JSON Lines).</source>
        <translation>Berkas %1, bukan JSON Lines; mintalah ekspor JSON Lines kepada pejabatnya (Ekspor laporan… → JSON Lines).</translation>
    </message>
    <message>
        <source>Not a HumasDesk export; ask for a JSON Lines export.</source>
        <translation>Bukan berkas ekspor HumasDesk; mintalah ekspor JSON Lines.</translation>
    </message>
    <message>
        <source>Made by HumasDesk %1 (format version %2), newer than this version; update HumasDesk.</source>
        <translation>Dibuat HumasDesk %1 (format versi %2), lebih baru dari versi ini; perbarui HumasDesk.</translation>
    </message>
    <message>
        <source>Cannot be read (%1).</source>
        <translation>Tidak dapat dibaca (%1).</translation>
    </message>
    <message>
        <source>Entirely outside the rekap&apos;s period.</source>
        <translation>Seluruh isinya di luar periode rekap.</translation>
    </message>
    <message>
        <source>Entry %1 differs from the entry with the same number in %2 signed by the same key (two different histories).</source>
        <translation>Entri %1 berbeda dengan entri bernomor sama di %2 yang ditandatangani kunci yang sama (dua riwayat berbeda).</translation>
    </message>
    <message>
        <source>The same file was already given (%1).</source>
        <translation>Berkas yang sama sudah dimasukkan (%1).</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>entri %1</translation>
    </message>
    <message>
        <source>entries %1–%2</source>
        <translation>entri %1–%2</translation>
    </message>
    <message>
        <source>%1: %2 are in no file (between %3 and %4)</source>
        <translation>%1: %2 tidak ada di berkas mana pun (antara %3 dan %4)</translation>
    </message>
    <message>
        <source>office</source>
        <translation>kantor</translation>
    </message>
    <message>
        <source>personal (official capacity)</source>
        <translation>pribadi (kapasitas jabatan)</translation>
    </message>
    <message>
        <source>account</source>
        <translation>akun</translation>
    </message>
    <message>
        <source>Social Media Activity Recapitulation</source>
        <translation>Rekapitulasi Aktivitas Media Sosial</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klasifikasi</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Units (%1)</source>
        <translation>Unit (%1)</translation>
    </message>
    <message>
        <source>Officials</source>
        <translation>Pejabat</translation>
    </message>
    <message>
        <source>Input files</source>
        <translation>Berkas masukan</translation>
    </message>
    <message>
        <source>%1 counted, %2 excluded</source>
        <translation>%1 dihitung, %2 dikeluarkan</translation>
    </message>
    <message>
        <source>Entries counted</source>
        <translation>Entri dihitung</translation>
    </message>
    <message>
        <source>Signed with the key</source>
        <translation>Ditandatangani dengan kunci</translation>
    </message>
    <message>
        <source>Made with HumasDesk from the officials&apos; signed exports, offline. To check this document, run: humasdesk verify &lt;file&gt;</source>
        <translation>Dibuat dengan HumasDesk dari ekspor bertanda tangan para pejabat, tanpa internet. Untuk memeriksa dokumen ini, jalankan: humasdesk verify &lt;berkas&gt;</translation>
    </message>
    <message>
        <source>Verification of the input files</source>
        <translation>Pemeriksaan berkas masukan</translation>
    </message>
    <message>
        <source>Each file was checked before anything was counted: its signature by a key in the register of trusted keys, valid for the file&apos;s period; its SHA-256 against the signed one; its manifest; and every entry against its hash and the one before it.</source>
        <translation>Setiap berkas diperiksa sebelum ada yang dihitung: tanda tangannya oleh kunci di daftar kunci tepercaya yang berlaku untuk periode berkas; SHA-256-nya terhadap yang ditandatangani; manifestnya; dan setiap entri terhadap hash-nya dan entri sebelumnya.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>Pejabat</translation>
    </message>
    <message>
        <source>SHA-256 / key fingerprint</source>
        <translation>SHA-256 / sidik jari kunci</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Putusan</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(tidak dikenal)</translation>
    </message>
    <message>
        <source>%1 entries counted, %2 already in another file</source>
        <translation>%1 entri dihitung, %2 sudah ada di berkas lain</translation>
    </message>
    <message>
        <source>Gaps between an official&apos;s files</source>
        <translation>Celah di antara berkas seorang pejabat</translation>
    </message>
    <message>
        <source>None: every official&apos;s files join up.</source>
        <translation>Tidak ada: berkas setiap pejabat bersambung.</translation>
    </message>
    <message>
        <source>Citizens&apos; data</source>
        <translation>Data warga</translation>
    </message>
    <message>
        <source>This rekap holds no citizen&apos;s handle or words: only figures. Handles stay pseudonyms within each export, so one citizen in two units&apos; exports cannot be linked.</source>
        <translation>Rekap ini tidak memuat handle maupun kata-kata warga: hanya angka. Handle tetap pseudonim di dalam setiap ekspor, sehingga warga yang sama di ekspor dua unit tidak dapat dikaitkan.</translation>
    </message>
    <message>
        <source>%1 of the counted input files carried citizens&apos; data in full (not masked): keep them as personal data (UU 27/2022).</source>
        <translation>%1 berkas masukan yang dihitung memuat data warga lengkap (tidak disamarkan): simpan sebagai data pribadi (UU 27/2022).</translation>
    </message>
    <message>
        <source>Counted input files with citizens&apos; data pseudonymised and masked: %1; with none: %2.</source>
        <translation>Berkas masukan yang dihitung dengan data warga dipseudonimkan dan disamarkan: %1; tanpa data warga: %2.</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Kiriman</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Balasan</translation>
    </message>
    <message>
        <source>Mentions received</source>
        <translation>Mention diterima</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Dijawab</translation>
    </message>
    <message>
        <source>Answered share</source>
        <translation>Persentase dijawab</translation>
    </message>
    <message>
        <source>Response, median</source>
        <translation>Respons, median</translation>
    </message>
    <message>
        <source>Response, 90th pct.</source>
        <translation>Respons, persentil 90</translation>
    </message>
    <message>
        <source>Two-way ratio</source>
        <translation>Rasio dua arah</translation>
    </message>
    <message>
        <source>Aduan</source>
        <translation>Aduan</translation>
    </message>
    <message>
        <source>Aduan open</source>
        <translation>Aduan terbuka</translation>
    </message>
    <message>
        <source>Aduan overdue</source>
        <translation>Aduan lewat batas</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Angka</translation>
    </message>
    <message>
        <source>Official / account</source>
        <translation>Pejabat / akun</translation>
    </message>
    <message>
        <source>Unit %1</source>
        <translation>Unit %1</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Semua unit</translation>
    </message>
    <message>
        <source>Figures as of %1. Of personal accounts only posts marked as made in official capacity (kapasitas jabatan) count.</source>
        <translation>Angka per %1. Dari akun pribadi hanya kiriman bertanda kapasitas jabatan yang dihitung.</translation>
    </message>
    <message>
        <source>Aduan against SP4N-LAPOR! service times</source>
        <translation>Aduan terhadap waktu layanan SP4N-LAPOR!</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Answered ≤ 3 days</source>
        <translation>Dijawab ≤ 3 hari</translation>
    </message>
    <message>
        <source>Answered late</source>
        <translation>Dijawab terlambat</translation>
    </message>
    <message>
        <source>Unanswered, overdue</source>
        <translation>Belum dijawab, lewat batas</translation>
    </message>
    <message>
        <source>Unanswered, within 3 days</source>
        <translation>Belum dijawab, dalam 3 hari</translation>
    </message>
    <message>
        <source>Resolved ≤ 5 / 14 / 60 days</source>
        <translation>Selesai ≤ 5 / 14 / 60 hari</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Terbuka</translation>
    </message>
    <message>
        <source>Month by month</source>
        <translation>Per bulan</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <source>Appendix: definitions</source>
        <translation>Lampiran: definisi</translation>
    </message>
    <message>
        <source>From the start date (inclusive) up to the end (exclusive). Figures are as of the end of the period: replies after it are not counted.</source>
        <translation>Dari tanggal awal (inklusif) sampai akhir (eksklusif). Angka per akhir periode: balasan sesudahnya tidak dihitung.</translation>
    </message>
    <message>
        <source>Posts sent in the period that are not replies; of a personal account only those marked as made in official capacity.</source>
        <translation>Kiriman dalam periode yang bukan balasan; dari akun pribadi hanya yang bertanda kapasitas jabatan.</translation>
    </message>
    <message>
        <source>Replies sent in the period, including replies logged as posts.</source>
        <translation>Balasan yang dikirim dalam periode, termasuk balasan yang tercatat sebagai kiriman.</translation>
    </message>
    <message>
        <source>Mentions received and answered</source>
        <translation>Mention diterima dan dijawab</translation>
    </message>
    <message>
        <source>Distinct mentions received in the period; answered when the same account replied to it at or after its time. The answered share is answered ÷ received.</source>
        <translation>Mention berbeda yang diterima dalam periode; dijawab bila akun yang sama membalasnya pada atau setelah waktunya. Persentase dijawab = dijawab ÷ diterima.</translation>
    </message>
    <message>
        <source>Time to first response</source>
        <translation>Waktu respons pertama</translation>
    </message>
    <message>
        <source>Time of the account&apos;s earliest reply minus the time of the mention. Median and 90th percentile by the nearest-rank method (the value at rank ⌈p/100 · n⌉ of the n sorted times); for a unit and for all units the answered mentions of all their accounts are pooled first.</source>
        <translation>Waktu balasan pertama akun dikurangi waktu mention. Median dan persentil ke-90 dengan metode peringkat terdekat (nilai pada peringkat ⌈p/100 · n⌉ dari n waktu terurut); untuk unit dan semua unit, mention yang dijawab dari semua akunnya digabung lebih dulu.</translation>
    </message>
    <message>
        <source>Replies ÷ posts (not shown when there were no posts).</source>
        <translation>Balasan ÷ kiriman (tidak ditampilkan bila tidak ada kiriman).</translation>
    </message>
    <message>
        <source>Mentions of the period tagged as aduan, against the SP4N-LAPOR! service times: first response within 3 × 24 hours, resolution within 5, 14 and 60 days (cumulative). Open: not marked handled yet. Overdue: unanswered after 3 days.</source>
        <translation>Mention periode ini yang ditandai aduan, terhadap waktu layanan SP4N-LAPOR!: respons pertama dalam 3 × 24 jam, penyelesaian dalam 5, 14 dan 60 hari (kumulatif). Terbuka: belum ditandai selesai. Lewat batas: belum dijawab setelah 3 hari.</translation>
    </message>
    <message>
        <source>From the readings of the posts&apos; numbers on X that the exports carry (metrics snapshots), as in the officials&apos; reports: the period&apos;s counted posts and replies, each with its latest reading. Posts measured: read at least once. Impressions (impression_count): the total over measured posts with the figure; median by the nearest-rank method, all posts pooled for a unit and for all units. Engagement rate: (likes + reposts + quotes + replies) ÷ impressions, over the posts with an impressions figure. Posts whose reading has no impressions figure are counted separately, never as 0. An official whose files carry no readings has no figures (not 0).</source>
        <translation>Dari pembacaan angka kiriman di X yang dimuat ekspor (snapshot metrik), sama dengan laporan pejabat: kiriman dan balasan periode ini yang dihitung, masing-masing dengan pembacaan terakhirnya. Kiriman yang diukur: pernah dibaca setidaknya sekali. Tayangan (impression_count): total atas kiriman terukur yang memiliki angkanya; median dengan metode peringkat terdekat, semua kiriman digabung untuk unit dan untuk semua unit. Tingkat keterlibatan: (suka + repost + kutipan + balasan) ÷ tayangan, atas kiriman yang memiliki angka tayangan. Kiriman yang pembacaannya tanpa angka tayangan dihitung tersendiri, tidak pernah sebagai 0. Pejabat yang berkasnya tidak memuat pembacaan tidak memiliki angka (bukan 0).</translation>
    </message>
    <message>
        <source>Officials ordered by answered share (high to low), then median response time (fast to slow), then mentions received.</source>
        <translation>Pejabat diurutkan menurut persentase dijawab (tinggi ke rendah), lalu median waktu respons (cepat ke lambat), lalu jumlah mention diterima.</translation>
    </message>
    <message>
        <source>De-duplication and gaps</source>
        <translation>Duplikasi dan celah</translation>
    </message>
    <message>
        <source>Exports of the same official that overlap hold the same entries: each entry is counted once, by its number and hash. Entry numbers of an official&apos;s log that lie between two of their files but in neither are listed as gaps: a period nobody sent.</source>
        <translation>Ekspor pejabat yang sama yang tumpang tindih memuat entri yang sama: setiap entri dihitung sekali, menurut nomor dan hash-nya. Nomor entri log seorang pejabat yang terletak di antara dua berkasnya tetapi tidak ada di keduanya dicantumkan sebagai celah: periode yang tidak dikirim.</translation>
    </message>
    <message>
        <source>This key is already in the register, for %1 (%2).</source>
        <translation>Kunci ini sudah terdaftar, atas nama %1 (%2).</translation>
    </message>
    <message>
        <source>That key is not in the register.</source>
        <translation>Kunci itu tidak ada di daftar.</translation>
    </message>
    <message>
        <source>More than one key starts so; type more of the fingerprint.</source>
        <translation>Lebih dari satu kunci berawalan demikian; ketik sidik jari lebih panjang.</translation>
    </message>
    <message>
        <source>That is not a key fingerprint: it has 64 hexadecimal digits (3F2A 9C01 …), or choose the official&apos;s signing-key.pub.</source>
        <translation>Itu bukan sidik jari kunci: sidik jari terdiri atas 64 digit heksadesimal (3F2A 9C01 …); atau pilih berkas signing-key.pub pejabatnya.</translation>
    </message>
    <message>
        <source>Name, unit and account must be one line of at most 200 characters; name and unit are required.</source>
        <translation>Nama, unit dan akun harus satu baris, paling banyak 200 karakter; nama dan unit wajib diisi.</translation>
    </message>
    <message>
        <source>The key is valid only from %1: retire it from a later day.</source>
        <translation>Kunci baru berlaku sejak %1: pensiunkan dari hari sesudahnya.</translation>
    </message>
    <message>
        <source>The key is already retired from %1.</source>
        <translation>Kunci sudah tidak berlaku sejak %1.</translation>
    </message>
    <message>
        <source>The register of trusted keys cannot be read (trusted-keys.json); restore it from a backup.</source>
        <translation>Daftar kunci tepercaya (trusted-keys.json) tidak dapat dibaca; pulihkan dari cadangan.</translation>
    </message>
    <message>
        <source>The register was written by a newer HumasDesk; update HumasDesk.</source>
        <translation>Daftar kunci dibuat HumasDesk yang lebih baru; perbarui HumasDesk.</translation>
    </message>
    <message>
        <source>No input file carries reach and engagement figures (readings of the posts&apos; numbers from X): there are none to show.</source>
        <translation>Tidak ada berkas masukan yang memuat angka jangkauan dan keterlibatan (pembacaan angka kiriman dari X): tidak ada yang dapat ditampilkan.</translation>
    </message>
    <message>
        <source>no figures: the input files carry no readings</source>
        <translation>tidak ada angka: berkas masukan tidak memuat pembacaan</translation>
    </message>
    <message>
        <source>Each counted post&apos;s latest reading in the input files, as of the time it was read. A unit&apos;s and all units&apos; figures cover only the officials whose files carry readings; their medians pool every measured post.</source>
        <translation>Pembacaan terakhir setiap kiriman yang dihitung di berkas masukan, per saat dibaca. Angka unit dan semua unit hanya mencakup pejabat yang berkasnya memuat pembacaan; mediannya menggabungkan semua kiriman terukur.</translation>
    </message>
</context>
<context>
    <name>RekapFilesModel</name>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>Pejabat</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Putusan</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>waiting…</source>
        <translation>menunggu…</translation>
    </message>
</context>
<context>
    <name>RekapWindow</name>
    <message>
        <source>Consolidate the officials&apos; reports</source>
        <translation>Rekap laporan bawahan</translation>
    </message>
    <message>
        <source>Input files and their verdicts</source>
        <translation>Berkas masukan dan putusannya</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Tambah berkas…</translation>
    </message>
    <message>
        <source>&amp;Drop from the list</source>
        <translation>&amp;Keluarkan dari daftar</translation>
    </message>
    <message>
        <source>Trusted &amp;keys…</source>
        <translation>&amp;Kunci tepercaya…</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>&amp;Periksa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Cancel the running check</source>
        <translation>Batalkan pemeriksaan yang berjalan</translation>
    </message>
    <message>
        <source>&amp;Save the rekap…</source>
        <translation>&amp;Simpan rekap…</translation>
    </message>
    <message>
        <source>The whole period of the files</source>
        <translation>Seluruh periode berkas</translation>
    </message>
    <message>
        <source>Period start</source>
        <translation>Awal periode</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Akhir periode</translation>
    </message>
    <message>
        <source>Include a ranking of the officials</source>
        <translation>Sertakan peringkat pejabat</translation>
    </message>
    <message>
        <source>Security classification</source>
        <translation>Klasifikasi keamanan</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation>Kemajuan pemeriksaan</translation>
    </message>
    <message>
        <source>Rekap message</source>
        <translation>Pesan rekap</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klasifikasi</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Add the JSON Lines exports your officials sent you. Each file is checked against the register of trusted keys before anything is counted; files that fail are left out and listed with the reason.</source>
        <translation>Tambahkan ekspor JSON Lines yang dikirim para pejabat kepada Anda. Setiap berkas diperiksa terhadap daftar kunci tepercaya sebelum ada yang dihitung; berkas yang gagal dikeluarkan dan dicantumkan beserta alasannya.</translation>
    </message>
    <message>
        <source>The period&apos;s end is before its start; swap the dates.</source>
        <translation>Akhir periode sebelum awalnya; tukar tanggalnya.</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>Memeriksa berkas…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Menghentikan…</translation>
    </message>
    <message>
        <source>Add the officials&apos; exports</source>
        <translation>Tambahkan ekspor para pejabat</translation>
    </message>
    <message>
        <source>JSON Lines exports (*.jsonl);;All files (*)</source>
        <translation>Ekspor JSON Lines (*.jsonl);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>No file can be counted, so there is no rekap. The table says why for each file.</source>
        <translation>Tidak ada berkas yang dapat dihitung, jadi rekap tidak dibuat. Tabel menyebutkan alasan untuk setiap berkas.</translation>
    </message>
    <message>
        <source>%1 of %2 files counted, %3 entries, %4 officials in %5 units.</source>
        <translation>%1 dari %2 berkas dihitung, %3 entri, %4 pejabat di %5 unit.</translation>
    </message>
    <message>
        <source>%1 files are left out of the figures (see the table).</source>
        <translation>%1 berkas dikeluarkan dari perhitungan (lihat tabel).</translation>
    </message>
    <message>
        <source>Check cancelled; nothing was counted.</source>
        <translation>Pemeriksaan dibatalkan; tidak ada yang dihitung.</translation>
    </message>
    <message>
        <source>The register of trusted keys cannot be read (trusted-keys.json); restore it from a backup.</source>
        <translation>Daftar kunci tepercaya (trusted-keys.json) tidak dapat dibaca; pulihkan dari cadangan.</translation>
    </message>
    <message>
        <source>The check failed (%1).</source>
        <translation>Pemeriksaan gagal (%1).</translation>
    </message>
    <message>
        <source>Save the rekap</source>
        <translation>Simpan rekap</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Name the file .pdf, .xlsx or .csv.</source>
        <translation>Beri nama berkas berakhiran .pdf, .xlsx atau .csv.</translation>
    </message>
    <message>
        <source>PDF is not available.</source>
        <translation>PDF tidak tersedia.</translation>
    </message>
    <message>
        <source>Writing the rekap…</source>
        <translation>Menulis rekap…</translation>
    </message>
    <message>
        <source>Rekap written and signed: %1 (key %2).</source>
        <translation>Rekap ditulis dan ditandatangani: %1 (kunci %2).</translation>
    </message>
    <message>
        <source>Cancelled; no file was left behind.</source>
        <translation>Dibatalkan; tidak ada berkas yang tertinggal.</translation>
    </message>
    <message>
        <source>The rekap could not be written (%1).</source>
        <translation>Rekap tidak dapat ditulis (%1).</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>&lt; 1 h</source>
        <translation>&lt; 1 jam</translation>
    </message>
    <message>
        <source>1–4 h</source>
        <translation>1–4 jam</translation>
    </message>
    <message>
        <source>4–24 h</source>
        <translation>4–24 jam</translation>
    </message>
    <message>
        <source>1–3 d</source>
        <translation>1–3 hari</translation>
    </message>
    <message>
        <source>&gt; 3 d</source>
        <translation>&gt; 3 hari</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>From the start date (inclusive) up to the end (exclusive). Replies, tags and resolutions after the end still count for mentions received in the period, up to the moment the report describes.</source>
        <translation>Dari tanggal awal (termasuk) sampai akhir periode (tidak termasuk). Balasan, penandaan, dan penyelesaian setelah akhir periode tetap dihitung untuk mention yang diterima dalam periode, sampai saat yang digambarkan laporan.</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Kiriman</translation>
    </message>
    <message>
        <source>Posts sent in the period that are not replies. A post deleted later still counts: it was published.</source>
        <translation>Kiriman dalam periode yang bukan balasan. Kiriman yang kemudian dihapus tetap dihitung: kiriman itu sudah terbit.</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Balasan</translation>
    </message>
    <message>
        <source>Replies sent in the period, including replies logged as posts.</source>
        <translation>Balasan yang dikirim dalam periode, termasuk balasan yang tercatat sebagai kiriman.</translation>
    </message>
    <message>
        <source>Mentions received</source>
        <translation>Mention diterima</translation>
    </message>
    <message>
        <source>Distinct mentions of the account received in the period (a mention logged twice counts once).</source>
        <translation>Mention berbeda yang diterima akun dalam periode (mention yang tercatat dua kali dihitung sekali).</translation>
    </message>
    <message>
        <source>Mentions answered</source>
        <translation>Mention dijawab</translation>
    </message>
    <message>
        <source>Mentions received in the period that the same account replied to, at or after the mention; the reply may fall after the end of the period. The answered share is answered ÷ received.</source>
        <translation>Mention yang diterima dalam periode dan dibalas oleh akun yang sama, pada atau setelah waktu mention; balasan boleh jatuh setelah akhir periode. Persentase dijawab = dijawab ÷ diterima.</translation>
    </message>
    <message>
        <source>Time to first response</source>
        <translation>Waktu tanggapan pertama</translation>
    </message>
    <message>
        <source>Time of the account&apos;s earliest reply minus the time of the mention, over the answered mentions. Median and 90th percentile by the nearest-rank method: for n sorted values the p-th percentile is the value at rank ⌈p/100 · n⌉, so the median of an even count is the lower middle value and every figure is an actual response time.</source>
        <translation>Waktu balasan paling awal dari akun dikurangi waktu mention, atas mention yang dijawab. Median dan persentil ke-90 dengan metode peringkat terdekat (nearest rank): untuk n nilai terurut, persentil ke-p adalah nilai pada peringkat ⌈p/100 · n⌉, sehingga median dari jumlah genap adalah nilai tengah yang lebih kecil dan setiap angka adalah waktu tanggapan yang sungguh terjadi.</translation>
    </message>
    <message>
        <source>Two-way ratio</source>
        <translation>Rasio dua arah</translation>
    </message>
    <message>
        <source>Replies ÷ posts (not shown when there were no posts).</source>
        <translation>Balasan ÷ kiriman (tidak ditampilkan bila tidak ada kiriman).</translation>
    </message>
    <message>
        <source>Complaints (aduan)</source>
        <translation>Aduan</translation>
    </message>
    <message>
        <source>Mentions received in the period that the account tagged as aduan. Measured against the SP4N-LAPOR! service times: first response within 3 days (answered within 3 × 24 hours; otherwise answered late, unanswered and overdue, or unanswered and still within 3 days), and resolution within 5, 14 and 60 days (time from the mention until it was marked handled; cumulative counts, so a complaint resolved in 4 days counts in all three).</source>
        <translation>Mention yang diterima dalam periode dan ditandai akun sebagai aduan. Diukur terhadap waktu layanan SP4N-LAPOR!: tanggapan pertama dalam 3 hari (dijawab dalam 3 × 24 jam; selain itu dijawab terlambat, belum dijawab dan melewati batas, atau belum dijawab dan masih dalam 3 hari), serta penyelesaian dalam 5, 14, dan 60 hari (waktu dari mention sampai ditandai selesai; hitungan kumulatif, sehingga aduan yang selesai dalam 4 hari terhitung di ketiganya).</translation>
    </message>
    <message>
        <source>Chain head hash</source>
        <translation>Hash ujung rantai</translation>
    </message>
    <message>
        <source>The SHA-256 hash of the last entry of the activity log. Each entry&apos;s hash covers the previous one, so changing, removing or inserting any entry changes it. The command humasdesk verify checks the log and the signed export files against it.</source>
        <translation>Hash SHA-256 dari entri terakhir log aktivitas. Hash setiap entri mencakup entri sebelumnya, sehingga mengubah, menghapus, atau menyisipkan entri mana pun akan mengubahnya. Perintah humasdesk verify memeriksa log dan berkas ekspor bertanda tangan terhadap hash ini.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 menit</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 jam %2 menit</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 hari %2 jam</translation>
    </message>
    <message>
        <source>Office account</source>
        <translation>Akun Kantor</translation>
    </message>
    <message>
        <source>Personal account</source>
        <translation>Akun Pribadi</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>In reply to: “%1”</source>
        <extracomment>each account&apos;s display name as of the period&apos;s end (its latest sign-in by then) X ids of the period&apos;s posts and replies in the report&apos;s selection (for the reach)</extracomment>
        <translation>Menanggapi: “%1”</translation>
    </message>
    <message>
        <source>(text erased)</source>
        <translation>(teks telah dihapus)</translation>
    </message>
    <message>
        <source>Sent outside HumasDesk</source>
        <translation>dikirim di luar HumasDesk</translation>
    </message>
    <message>
        <source>Repost</source>
        <translation>Bagikan ulang</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Balasan</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Kiriman</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Posts and replies per day</source>
        <translation>Kiriman dan balasan per hari</translation>
    </message>
    <message>
        <source>Posts and replies per week</source>
        <translation>Kiriman dan balasan per minggu</translation>
    </message>
    <message>
        <source>Week starting (day/month)</source>
        <translation>Minggu mulai (tanggal/bulan)</translation>
    </message>
    <message>
        <source>Posts and replies per month</source>
        <translation>Kiriman dan balasan per bulan</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Mentions received and answered</source>
        <translation>Mention diterima dan dijawab</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Dijawab</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Aduan</translation>
    </message>
    <message>
        <source>Complaints answered ≤ 3 d</source>
        <translation>Aduan dijawab ≤ 3 hari</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Mention</translation>
    </message>
    <message>
        <source>Answered mentions</source>
        <translation>Mention dijawab</translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%1 dari %2 (%3)</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klasifikasi</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Entries in this export</source>
        <translation>Jumlah entri dalam ekspor ini</translation>
    </message>
    <message>
        <source>Activity log head</source>
        <translation>Ujung log aktivitas</translation>
    </message>
    <message>
        <source>entry no. %1</source>
        <translation>entri ke-%1</translation>
    </message>
    <message>
        <source>Signing key fingerprint</source>
        <translation>Sidik jari kunci penanda tangan</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Kunci tanda tangan</translation>
    </message>
    <message>
        <source>Made with</source>
        <translation>Dibuat dengan</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>All activity of the personal account is included (chosen by the official).</source>
        <translation>Seluruh aktivitas akun pribadi disertakan (atas pilihan pejabat).</translation>
    </message>
    <message>
        <source>Of the personal account, only posts marked as made in official capacity (kapasitas jabatan) are included.</source>
        <translation>Dari akun pribadi, hanya kiriman yang ditandai dibuat dalam kapasitas jabatan yang disertakan.</translation>
    </message>
    <message>
        <source>The personal account&apos;s activity is not included.</source>
        <translation>Aktivitas akun pribadi tidak disertakan.</translation>
    </message>
    <message>
        <source>There were no entries in this period.</source>
        <translation>Tidak ada entri pada periode ini.</translation>
    </message>
    <message>
        <source>Figures per account</source>
        <translation>Ringkasan per akun</translation>
    </message>
    <message>
        <source>Reposts</source>
        <translation>Dibagikan ulang</translation>
    </message>
    <message>
        <source>Time to first response, median</source>
        <translation>Waktu tanggapan pertama, median</translation>
    </message>
    <message>
        <source>Time to first response, 90th percentile</source>
        <translation>Waktu tanggapan pertama, persentil ke-90</translation>
    </message>
    <message>
        <source>Two-way ratio (replies ÷ posts)</source>
        <translation>Rasio dua arah (balasan ÷ kiriman)</translation>
    </message>
    <message>
        <source>Complaints (aduan) against SP4N-LAPOR! service times</source>
        <translation>Aduan terhadap waktu layanan SP4N-LAPOR!</translation>
    </message>
    <message>
        <source>Complaints received</source>
        <translation>Aduan diterima</translation>
    </message>
    <message>
        <source>First response within 3 days</source>
        <translation>Tanggapan pertama dalam 3 hari</translation>
    </message>
    <message>
        <source>Answered after 3 days</source>
        <translation>Dijawab setelah 3 hari</translation>
    </message>
    <message>
        <source>Unanswered, over 3 days</source>
        <translation>Belum dijawab, lewat 3 hari</translation>
    </message>
    <message>
        <source>Unanswered, within 3 days so far</source>
        <translation>Belum dijawab, masih dalam 3 hari</translation>
    </message>
    <message>
        <source>Resolved within 5 days</source>
        <translation>Selesai dalam 5 hari</translation>
    </message>
    <message>
        <source>Resolved within 14 days</source>
        <translation>Selesai dalam 14 hari</translation>
    </message>
    <message>
        <source>Resolved within 60 days</source>
        <translation>Selesai dalam 60 hari</translation>
    </message>
    <message>
        <source>Not resolved yet</source>
        <translation>Belum selesai</translation>
    </message>
    <message>
        <source>Figures as of %1. Definitions are in the appendix.</source>
        <translation>Angka per %1. Definisi ada di lampiran.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Grafik</translation>
    </message>
    <message>
        <source>Response times are counted from the entries in this export; mentions answered after the period appear when their replies are included.</source>
        <translation>Waktu tanggapan dihitung dari entri dalam ekspor ini; mention yang dijawab setelah periode muncul bila balasannya ikut diekspor.</translation>
    </message>
    <message>
        <source>Posts and replies</source>
        <translation>Kiriman dan balasan</translation>
    </message>
    <message>
        <source>… and %1 more entries; see the CSV/XLSX export.</source>
        <translation>… dan %1 entri lainnya; lihat ekspor CSV/XLSX.</translation>
    </message>
    <message>
        <source>No posts or replies in this period.</source>
        <translation>Tidak ada kiriman atau balasan pada periode ini.</translation>
    </message>
    <message>
        <source>Appendix: definitions</source>
        <translation>Lampiran: definisi</translation>
    </message>
    <message>
        <source>Times are shown in %1. To check this export, run: humasdesk verify &lt;file&gt;</source>
        <translation>Waktu ditampilkan dalam %1. Untuk memeriksa ekspor ini, jalankan: humasdesk verify &lt;berkas&gt;</translation>
    </message>
    <message>
        <source>a key for this session only (no system keyring on this laptop): the signature shows the file was not changed after it was made, but it cannot be checked against the desk&apos;s saved key.</source>
        <translation>kunci untuk sesi ini saja (laptop ini tidak memiliki keyring sistem): tanda tangan menunjukkan berkas tidak diubah sejak dibuat, tetapi tidak dapat dicocokkan dengan kunci tersimpan desk ini.</translation>
    </message>
    <message>
        <source>Social Media Activity Report</source>
        <translation>Laporan Aktivitas Media Sosial</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Dijadwalkan</translation>
    </message>
    <message>
        <source>Sent on time</source>
        <translation>Terkirim tepat waktu</translation>
    </message>
    <message>
        <source>Missed (not sent at their time)</source>
        <translation>Terlewat (tidak dikirim pada waktunya)</translation>
    </message>
    <message>
        <source>Sent after being missed</source>
        <translation>Dikirim setelah terlewat</translation>
    </message>
    <message>
        <source>Scheduled posts cancelled</source>
        <translation>Kiriman terjadwal dibatalkan</translation>
    </message>
    <message>
        <source>A scheduled post whose time passed while the laptop was off or asleep, by more than the grace period, is not sent by itself: it is missed and waits for the official.</source>
        <translation>Kiriman terjadwal yang waktunya lewat lebih dari masa tenggang saat laptop mati atau tidur tidak dikirim dengan sendirinya: kiriman itu terlewat dan menunggu keputusan pejabat.</translation>
    </message>
    <message>
        <source>Scheduled posts</source>
        <translation>Kiriman terjadwal</translation>
    </message>
    <message>
        <source>Information request (5 days)</source>
        <translation>Permintaan informasi (5 hari)</translation>
    </message>
    <message>
        <source>Complaint (5 days)</source>
        <translation>Pengaduan (5 hari)</translation>
    </message>
    <message>
        <source>Dispute (14 days)</source>
        <translation>Sengketa (14 hari)</translation>
    </message>
    <message>
        <source>Needs a field check (60 days)</source>
        <translation>Perlu pemeriksaan lapangan (60 hari)</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Semua kelas</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Dibalas</translation>
    </message>
    <message>
        <source>Forwarded to LAPOR!</source>
        <translation>Diteruskan ke LAPOR!</translation>
    </message>
    <message>
        <source>Being followed up</source>
        <translation>Ditindaklanjuti</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Aduan</translation>
    </message>
    <message>
        <source>First response on time</source>
        <translation>Respons pertama tepat waktu</translation>
    </message>
    <message>
        <source>Completed on time</source>
        <translation>Selesai tepat waktu</translation>
    </message>
    <message>
        <source>Forwarded with a LAPOR! no.</source>
        <translation>Diteruskan dengan nomor LAPOR!</translation>
    </message>
    <message>
        <source>Complaint register by SP4N-LAPOR! class and status</source>
        <translation>Daftar aduan menurut kelas dan status SP4N-LAPOR!</translation>
    </message>
    <message>
        <source>Cases whose mention arrived in the period. Deadlines are counted in calendar days as SP4N-LAPOR! does: a case received on day D with a limit of N days is due by the end of day D + N (weekends and holidays count). First response on time: replied by the end of day D + 3, out of all cases. Completed on time: closed (done or rejected) by the class&apos;s deadline, out of the closed cases.</source>
        <translation>Aduan yang mention-nya masuk dalam periode ini. Batas waktu dihitung dalam hari kalender seperti SP4N-LAPOR!: aduan yang diterima pada hari D dengan batas N hari jatuh tempo pada akhir hari D + N (akhir pekan dan hari libur ikut dihitung). Respons pertama tepat waktu: dibalas paling lambat akhir hari D + 3, dari seluruh aduan. Selesai tepat waktu: ditutup (selesai atau ditolak) paling lambat batas kelasnya, dari aduan yang sudah ditutup.</translation>
    </message>
    <message>
        <source>Posts measured</source>
        <translation>Kiriman yang diukur</translation>
    </message>
    <message>
        <source>Posts and replies of the period (sent from HumasDesk or seen on X) whose numbers were read from X at least once; each shows its latest reading, as of the time it was read. Readings are taken about 1 hour, 1 day, 7 days and 28 days after posting, within the monthly budget.</source>
        <translation>Kiriman dan balasan dalam periode (dikirim dari HumasDesk atau terlihat di X) yang angkanya sudah dibaca dari X setidaknya sekali; masing-masing menunjukkan pembacaan terakhirnya, per waktu pembacaan itu. Angka dibaca sekitar 1 jam, 1 hari, 7 hari, dan 28 hari setelah dikirim, dalam batas anggaran bulanan.</translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation>Tayangan</translation>
    </message>
    <message>
        <source>How often X showed the post (impression_count). Total: the sum over measured posts with the figure; median by the nearest-rank method. A post whose reading has no impressions figure is counted separately, never as 0.</source>
        <translation>Berapa kali X menampilkan kiriman (impression_count). Total: jumlah atas kiriman terukur yang memiliki angka ini; median dengan metode peringkat terdekat. Kiriman yang pembacaannya tidak memiliki angka tayangan dihitung tersendiri, tidak pernah sebagai 0.</translation>
    </message>
    <message>
        <source>Engagement rate</source>
        <translation>Tingkat keterlibatan</translation>
    </message>
    <message>
        <source>(likes + reposts + quotes + replies) ÷ impressions, over the posts with an impressions figure.</source>
        <translation>(suka + repost + kutipan + balasan) ÷ tayangan, atas kiriman yang memiliki angka tayangan.</translation>
    </message>
    <message>
        <source>Impressions per week</source>
        <translation>Tayangan per minggu</translation>
    </message>
    <message>
        <source>Reach and engagement</source>
        <translation>Jangkauan dan keterlibatan</translation>
    </message>
    <message>
        <source>No post of this period has been measured yet: reach and engagement are shown once their numbers have been read from X.</source>
        <translation>Belum ada kiriman dalam periode ini yang diukur: jangkauan dan keterlibatan ditampilkan setelah angkanya dibaca dari X.</translation>
    </message>
    <message>
        <source>Impressions, total</source>
        <translation>Tayangan, total</translation>
    </message>
    <message>
        <source>Impressions, median</source>
        <translation>Tayangan, median</translation>
    </message>
    <message>
        <source>Engagements (likes, reposts, quotes, replies)</source>
        <translation>Keterlibatan (suka, repost, kutipan, balasan)</translation>
    </message>
    <message>
        <source>Measured posts without an impressions figure</source>
        <translation>Kiriman terukur tanpa angka tayangan</translation>
    </message>
    <message>
        <source>%1: numbers as read from X on %2.</source>
        <translation>%1: angka sebagaimana dibaca dari X pada %2.</translation>
    </message>
    <message>
        <source>Best posts of %1 (by impressions)</source>
        <translation>Kiriman terbaik %1 (menurut tayangan)</translation>
    </message>
    <message>
        <source>Posted / read</source>
        <translation>Dikirim / dibaca</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Keterlibatan</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>Suka</translation>
    </message>
</context>
<context>
    <name>RequestsDialog</name>
    <message>
        <source>Requests from data subjects</source>
        <translation>Permintaan subjek data</translation>
    </message>
    <message>
        <source>Register of requests</source>
        <translation>Register permintaan</translation>
    </message>
    <message>
        <source>R&amp;equests</source>
        <translation>&amp;Permintaan</translation>
    </message>
    <message>
        <source>Reason for closing the request</source>
        <translation>Alasan menutup permintaan</translation>
    </message>
    <message>
        <source>required for a refusal, e.g. kewajiban arsip (UU 43/2009)</source>
        <translation>wajib untuk penolakan, mis. kewajiban arsip (UU 43/2009)</translation>
    </message>
    <message>
        <source>The reason is kept in the activity log: write no citizen&apos;s data in it.</source>
        <translation>Alasan disimpan di log aktivitas: jangan tulis data warga di sini.</translation>
    </message>
    <message>
        <source>Close as &amp;granted</source>
        <translation>Tutup sebagai &amp;dipenuhi</translation>
    </message>
    <message>
        <source>Close the selected request as granted</source>
        <translation>Tutup permintaan yang dipilih sebagai dipenuhi</translation>
    </message>
    <message>
        <source>&amp;Refuse…</source>
        <translation>&amp;Tolak…</translation>
    </message>
    <message>
        <source>Close the selected request as refused, with the reason</source>
        <translation>Tutup permintaan yang dipilih sebagai ditolak, beserta alasannya</translation>
    </message>
    <message>
        <source>Carry out the &amp;erasure…</source>
        <translation>&amp;Lakukan penghapusan…</translation>
    </message>
    <message>
        <source>Carry out the selected erasure request</source>
        <translation>Lakukan penghapusan untuk permintaan yang dipilih</translation>
    </message>
    <message>
        <source>&amp;Access report…</source>
        <translation>Laporan &amp;akses…</translation>
    </message>
    <message>
        <source>Make the access report for the selected request</source>
        <translation>Buat laporan akses untuk permintaan yang dipilih</translation>
    </message>
    <message>
        <source>Handle of the person asking</source>
        <translation>Nama pengguna pemohon</translation>
    </message>
    <message>
        <source>@name</source>
        <translation>@nama</translation>
    </message>
    <message>
        <source>Kind of request</source>
        <translation>Jenis permintaan</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>Waktu diterima</translation>
    </message>
    <message>
        <source>Re&amp;gister</source>
        <translation>&amp;Catat</translation>
    </message>
    <message>
        <source>Register the request</source>
        <translation>Catat permintaan</translation>
    </message>
    <message>
        <source>Register status</source>
        <translation>Status register</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <source>Reload the register</source>
        <translation>Muat ulang register</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Selected request</source>
        <translation>Permintaan yang dipilih</translation>
    </message>
    <message>
        <source>Rea&amp;son</source>
        <translation>Ala&amp;san</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>Permintaan baru</translation>
    </message>
    <message>
        <source>&amp;Handle</source>
        <translation>&amp;Nama pengguna</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Jenis</translation>
    </message>
    <message>
        <source>Recei&amp;ved</source>
        <translation>D&amp;iterima</translation>
    </message>
    <message>
        <source>Access, correction and restriction must be answered within 3 × 24 hours of receipt. The law sets no period for erasure: follow the agency&apos;s own target.</source>
        <translation>Permintaan akses, perbaikan, dan pembatasan wajib dijawab dalam 3 × 24 jam sejak diterima. UU tidak menetapkan batas waktu untuk penghapusan: ikuti target instansi sendiri.</translation>
    </message>
    <message>
        <source>A refusal needs its reason (for example the archive obligation, UU 43/2009). Write it in the Reason field.</source>
        <translation>Penolakan harus disertai alasan (misalnya kewajiban arsip, UU 43/2009). Tulis alasannya di kolom Alasan.</translation>
    </message>
    <message>
        <source>Close request no. %1 (%2) as granted?</source>
        <translation>Tutup permintaan no. %1 (%2) sebagai dipenuhi?</translation>
    </message>
    <message>
        <source>Refuse request no. %1 (%2) with the reason given?</source>
        <translation>Tolak permintaan no. %1 (%2) dengan alasan yang ditulis?</translation>
    </message>
    <message>
        <source>Close the request</source>
        <translation>Tutup permintaan</translation>
    </message>
    <message>
        <source>Erase what this desk holds about @%1 for request no. %2?

The handle and text of mentions nobody answered are erased from the activity log and the inbox; this cannot be undone.

Records are kept: aduan and mentions the office answered or handled are official records under UU 43/2009 (Kearsipan). The request is then closed, saying what was kept.</source>
        <translation>Hapus data tentang @%1 yang disimpan HumasDesk untuk permintaan no. %2?

Nama pengguna dan teks mention yang tidak pernah dijawab dihapus dari log aktivitas dan kotak masuk; tindakan ini tidak dapat dibatalkan.

Arsip tetap disimpan: aduan dan mention yang telah dijawab atau ditangani kantor adalah arsip resmi menurut UU 43/2009 (Kearsipan). Permintaan lalu ditutup dengan keterangan apa saja yang tetap disimpan.</translation>
    </message>
    <message>
        <source>Carry out the erasure</source>
        <translation>Lakukan penghapusan</translation>
    </message>
    <message>
        <source>Nothing was erased.</source>
        <translation>Tidak ada yang dihapus.</translation>
    </message>
    <message>
        <source>The register could not be read (%1).</source>
        <translation>Register tidak dapat dibaca (%1).</translation>
    </message>
    <message>
        <source>Request no. %1 (%2) registered. UU 27/2022 sets no period for it: follow the agency&apos;s own target.</source>
        <translation>Permintaan no. %1 (%2) dicatat. UU 27/2022 tidak menetapkan batas waktunya: ikuti target instansi sendiri.</translation>
    </message>
    <message>
        <source>Request no. %1 (%2) registered; answer by %3.</source>
        <translation>Permintaan no. %1 (%2) dicatat; jawab paling lambat %3.</translation>
    </message>
    <message>
        <source>Request no. %1 closed as %2.</source>
        <translation>Permintaan no. %1 ditutup dengan status %2.</translation>
    </message>
    <message>
        <source>Erased: the handle and text of %1 log entries and %2 inbox messages.</source>
        <translation>Dihapus: nama pengguna dan teks dari %1 entri log dan %2 pesan kotak masuk.</translation>
    </message>
    <message>
        <source>Kept as records (UU 43/2009): %1 (%2).</source>
        <translation>Disimpan sebagai arsip (UU 43/2009): %1 (%2).</translation>
    </message>
    <message>
        <source>Nothing had to be kept as a record.</source>
        <translation>Tidak ada yang perlu disimpan sebagai arsip.</translation>
    </message>
    <message>
        <source>Request no. %1 closed as %2: %3</source>
        <translation>Permintaan no. %1 ditutup dengan status %2: %3</translation>
    </message>
    <message>
        <source>The action failed (%1). Details are in the log file.</source>
        <translation>Tindakan gagal (%1). Rinciannya ada di berkas log.</translation>
    </message>
    <message>
        <source>The access report is made. Close the request as granted once it has been handed to the person.</source>
        <translation>Laporan akses sudah dibuat. Tutup permintaan sebagai dipenuhi setelah laporan diserahkan kepada yang bersangkutan.</translation>
    </message>
    <message>
        <source>Closing when the action is done…</source>
        <translation>Ditutup setelah tindakan selesai…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Sedang diproses…</translation>
    </message>
</context>
<context>
    <name>RequestsModel</name>
    <message>
        <source>No.</source>
        <extracomment>`DataRequest` of the row. True while the request is open and past its deadline.</extracomment>
        <translation>No.</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Batas waktu</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Sisa waktu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>none set by law</source>
        <translation>tidak diatur UU</translation>
    </message>
    <message>
        <source>closed %1</source>
        <translation>ditutup %1</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Retention and disposal review</source>
        <translation>Retensi dan penilaian arsip</translation>
    </message>
    <message>
        <source>Retention and disposal review sections</source>
        <translation>Bagian retensi dan penilaian arsip</translation>
    </message>
    <message>
        <source>Re&amp;tention</source>
        <translation>&amp;Retensi</translation>
    </message>
    <message>
        <source>Disposal re&amp;view</source>
        <translation>&amp;Penilaian arsip</translation>
    </message>
    <message>
        <source>Proposal list (daftar usul musnah)</source>
        <translation>Daftar arsip usul musnah</translation>
    </message>
    <message>
        <source>Proposal &amp;list</source>
        <translation>&amp;Daftar usul musnah</translation>
    </message>
    <message>
        <source>Draft destruction report (konsep berita acara pemusnahan)</source>
        <translation>Konsep berita acara pemusnahan</translation>
    </message>
    <message>
        <source>Draft destruction &amp;report</source>
        <translation>&amp;Konsep berita acara pemusnahan</translation>
    </message>
    <message>
        <source>Task progress</source>
        <translation>Kemajuan tugas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <source>Load the preview and the review again</source>
        <translation>Muat ulang pratinjau dan penilaian</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>Tutup jendela</translation>
    </message>
    <message>
        <source>Retention in force</source>
        <translation>Retensi yang berlaku</translation>
    </message>
    <message>
        <source>Citizens&apos; mentions never answered, tagged as aduan or handled: their handle and text are erased after %1 days (the counts are kept).</source>
        <translation>Mention warga yang tidak pernah dijawab, ditandai sebagai aduan, atau ditangani: nama pengguna dan teksnya dihapus setelah %1 hari (jumlahnya tetap dicatat).</translation>
    </message>
    <message>
        <source>Retention of unanswered mentions</source>
        <translation>Retensi mention yang tidak dijawab</translation>
    </message>
    <message>
        <source>Records (answered mentions, aduan, office posts): listed for disposal review after %1 days. They are never erased automatically.</source>
        <translation>Arsip (mention yang dijawab, aduan, kiriman akun kantor): diajukan untuk penilaian arsip setelah %1 hari. Arsip tidak pernah dihapus otomatis.</translation>
    </message>
    <message>
        <source>Review period of records</source>
        <translation>Masa penilaian arsip</translation>
    </message>
    <message>
        <source>Due for erasure now</source>
        <translation>Jatuh tempo untuk dihapus sekarang</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>What the schedule would erase now</source>
        <translation>Yang akan dihapus jadwal retensi sekarang</translation>
    </message>
    <message>
        <source>&amp;Erase now…</source>
        <translation>&amp;Hapus sekarang…</translation>
    </message>
    <message>
        <source>Erase the mentions past their retention now</source>
        <translation>Hapus sekarang mention yang melewati masa retensinya</translation>
    </message>
    <message>
        <source>About the disposal review</source>
        <translation>Tentang penilaian arsip</translation>
    </message>
    <message>
        <source>Records due for review</source>
        <translation>Arsip yang jatuh tempo untuk dinilai</translation>
    </message>
    <message>
        <source>Number of records due for review</source>
        <translation>Jumlah arsip yang jatuh tempo untuk dinilai</translation>
    </message>
    <message>
        <source>&amp;Make proposal documents…</source>
        <translation>&amp;Buat dokumen usul musnah…</translation>
    </message>
    <message>
        <source>Make the proposal list and the draft destruction report</source>
        <translation>Buat daftar arsip usul musnah dan konsep berita acara pemusnahan</translation>
    </message>
    <message>
        <source>Erase &amp;approved records…</source>
        <translation>Hapus arsip yang di&amp;setujui…</translation>
    </message>
    <message>
        <source>Erase the citizens&apos; data of the approved records</source>
        <translation>Hapus data warga dari arsip yang disetujui</translation>
    </message>
    <message>
        <source>Save as te&amp;xt…</source>
        <translation>Simpan sebagai &amp;teks…</translation>
    </message>
    <message>
        <source>Save %1 as a text file</source>
        <translation>Simpan %1 sebagai berkas teks</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Simpan sebagai PD&amp;F…</translation>
    </message>
    <message>
        <source>Save %1 as a PDF file</source>
        <translation>Simpan %1 sebagai berkas PDF</translation>
    </message>
    <message>
        <source>Erase the handle and text of %1 mentions received before %2 that were never answered, tagged or handled (%3 activity log entries, %4 inbox messages)? The counts are kept. This cannot be undone.</source>
        <translation>Hapus nama pengguna dan teks dari %1 mention yang diterima sebelum %2 dan tidak pernah dijawab, ditandai, atau ditangani (%3 entri log aktivitas, %4 pesan kotak masuk)? Jumlahnya tetap dicatat. Tindakan ini tidak dapat dibatalkan.</translation>
    </message>
    <message>
        <source>Erase now</source>
        <translation>Hapus sekarang</translation>
    </message>
    <message>
        <source>Nothing was erased.</source>
        <translation>Tidak ada yang dihapus.</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>Menghapus…</translation>
    </message>
    <message>
        <source>Making the documents…</source>
        <translation>Membuat dokumen…</translation>
    </message>
    <message>
        <source>No approval reference given; nothing was erased.</source>
        <translation>Nomor persetujuan tidak diisi; tidak ada yang dihapus.</translation>
    </message>
    <message>
        <source>Erase the citizens&apos; data (handles and texts) attached to the %1 records in the proposal, approved by %2? The office&apos;s own posts stay in the activity log. This cannot be undone.</source>
        <translation>Hapus data warga (nama pengguna dan teks) yang melekat pada %1 arsip dalam usulan, yang disetujui berdasarkan %2? Kiriman akun kantor sendiri tetap ada di log aktivitas. Tindakan ini tidak dapat dibatalkan.</translation>
    </message>
    <message>
        <source>Erase approved records</source>
        <translation>Hapus arsip yang disetujui</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Save the document as</source>
        <translation>Simpan dokumen sebagai</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Berkas teks (*.txt)</translation>
    </message>
    <message>
        <source>Number of the approval of the disposal (berita acara pemusnahan or the approval letter):</source>
        <translation>Nomor persetujuan pemusnahan (berita acara pemusnahan atau surat persetujuan):</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Lanjutkan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Mentions received before %1 that were never answered, tagged or handled: %2 mentions (%3 activity log entries, %4 inbox messages).</source>
        <translation>Mention yang diterima sebelum %1 dan tidak pernah dijawab, ditandai, atau ditangani: %2 mention (%3 entri log aktivitas, %4 pesan kotak masuk).</translation>
    </message>
    <message>
        <source>Nothing is due: no unanswered mention received before %1 still holds a citizen&apos;s data.</source>
        <translation>Tidak ada yang jatuh tempo: tidak ada mention tak terjawab yang diterima sebelum %1 yang masih memuat data warga.</translation>
    </message>
    <message>
        <source>Records older than %1 days (from before %2) whose data the desk still holds. This list is a proposal for the records officer: nothing here is erased automatically.</source>
        <translation>Arsip yang berumur lebih dari %1 hari (dari sebelum %2) dan datanya masih disimpan HumasDesk. Daftar ini adalah usulan untuk petugas arsip: tidak ada yang dihapus otomatis di sini.</translation>
    </message>
    <message>
        <source>%1 records due for review.</source>
        <translation>%1 arsip jatuh tempo untuk dinilai.</translation>
    </message>
    <message>
        <source>The documents for %1 records are made. Check them, save them and give them to the records officer.</source>
        <translation>Dokumen untuk %1 arsip sudah dibuat. Periksa, simpan, lalu serahkan kepada petugas arsip.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Disimpan: %1</translation>
    </message>
    <message>
        <source>The file could not be saved (%1). Choose another folder.</source>
        <translation>Berkas tidak dapat disimpan (%1). Pilih folder lain.</translation>
    </message>
    <message>
        <source>Something went wrong (%1). Details are in the log file.</source>
        <translation>Terjadi kesalahan (%1). Rinciannya ada di berkas log.</translation>
    </message>
    <message>
        <source>Look at the activity log to see whether anything was erased.</source>
        <translation>Periksa log aktivitas untuk melihat apakah ada yang sudah dihapus.</translation>
    </message>
    <message>
        <source>Nothing was due; nothing was erased.</source>
        <translation>Tidak ada yang jatuh tempo; tidak ada yang dihapus.</translation>
    </message>
    <message>
        <source>Erased: the citizens&apos; data of %1 activity log entries and %2 inbox messages. The erasure is recorded in the activity log.</source>
        <translation>Dihapus: data warga dari %1 entri log aktivitas dan %2 pesan kotak masuk. Penghapusan ini dicatat di log aktivitas.</translation>
    </message>
    <message>
        <source>The window closes when the current task has finished…</source>
        <translation>Jendela ditutup setelah tugas yang berjalan selesai…</translation>
    </message>
</context>
<context>
    <name>ReviewItemsModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>Jenis arsip</translation>
    </message>
    <message>
        <source>Post id</source>
        <translation>ID kiriman</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Uraian</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Pribadi</translation>
    </message>
</context>
<context>
    <name>ScheduleCalendar</name>
    <message>
        <source>Mon</source>
        <translation>Sen</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Sel</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Rab</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Kam</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Jum</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sab</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>January</source>
        <translation>Januari</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Februari</translation>
    </message>
    <message>
        <source>March</source>
        <translation>Maret</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mei</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>Agustus</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Desember</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Terjadwal</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Menunggu dikirim</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sedang dikirim</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Terlewat</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Gagal: %1</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 lainnya</translation>
    </message>
    <message>
        <source>%1 posts</source>
        <translation>%1 kiriman</translation>
    </message>
    <message>
        <source>no posts</source>
        <translation>tidak ada kiriman</translation>
    </message>
</context>
<context>
    <name>ScheduleController</name>
    <message>
        <source>Schedule…</source>
        <translation>Jadwalkan…</translation>
    </message>
    <message>
        <source>Schedule this post</source>
        <translation>Jadwalkan kiriman ini</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Terjadwal</translation>
    </message>
    <message>
        <source>%1 scheduled post(s) missed their time and were not sent: see the Scheduled tab.</source>
        <translation>%1 kiriman terjadwal terlewat waktunya dan tidak dikirim: lihat tab Terjadwal.</translation>
    </message>
    <message>
        <source>Scheduled (%1)</source>
        <translation>Terjadwal (%1)</translation>
    </message>
    <message>
        <source>Schedule post</source>
        <translation>Jadwalkan kiriman</translation>
    </message>
    <message>
        <source>When should this post go out from @%1?
“%2”</source>
        <translation>Kapan kiriman ini dikirim dari @%1?
“%2”</translation>
    </message>
    <message>
        <source>%1 falls in this account&apos;s quiet period (%2). Schedule it anyway?</source>
        <translation>%1 jatuh di masa tenang akun ini (%2). Tetap jadwalkan?</translation>
    </message>
    <message>
        <source>Quiet period</source>
        <translation>Masa tenang</translation>
    </message>
    <message>
        <source>This time has already passed.</source>
        <translation>Waktu ini sudah lewat.</translation>
    </message>
    <message>
        <source>A post can be scheduled at most a year ahead.</source>
        <translation>Kiriman dapat dijadwalkan paling jauh setahun ke depan.</translation>
    </message>
    <message>
        <source>The same text is sent or scheduled from @%1 within 24 hours of this time. X does not allow the same content from several accounts.</source>
        <translation>Teks yang sama dikirim atau dijadwalkan dari @%1 dalam 24 jam dari waktu ini. X tidak mengizinkan isi yang sama dari beberapa akun.</translation>
    </message>
    <message>
        <source>This post is no longer waiting (it was sent or cancelled).</source>
        <translation>Kiriman ini tidak menunggu lagi (sudah dikirim atau dibatalkan).</translation>
    </message>
    <message>
        <source>The post could not be scheduled.</source>
        <translation>Kiriman tidak dapat dijadwalkan.</translation>
    </message>
    <message>
        <source>Change time</source>
        <translation>Ubah waktu</translation>
    </message>
    <message>
        <source>New time for “%1”</source>
        <translation>Waktu baru untuk “%1”</translation>
    </message>
    <message>
        <source>Edit scheduled post</source>
        <translation>Ubah kiriman terjadwal</translation>
    </message>
    <message>
        <source>Text of the post</source>
        <translation>Teks kiriman</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Too late to cancel: the post is being sent or sent.</source>
        <translation>Terlambat untuk membatalkan: kiriman sedang atau sudah dikirim.</translation>
    </message>
    <message>
        <source>Something went wrong; see the log file.</source>
        <translation>Terjadi kesalahan; lihat berkas log.</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Date and time of sending</source>
        <translation>Tanggal dan jam kirim</translation>
    </message>
    <message>
        <source>Send at</source>
        <translation>Kirim pada</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona waktu</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Jadwalkan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>This time has already passed.</source>
        <translation>Waktu ini sudah lewat.</translation>
    </message>
    <message>
        <source>A post can be scheduled at most a year ahead.</source>
        <translation>Kiriman dapat dijadwalkan paling jauh setahun ke depan.</translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message>
        <source>Missed scheduled posts</source>
        <extracomment>What can be done with a post in each state.</extracomment>
        <translation>Kiriman terjadwal yang terlewat</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Kirim sekarang</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Jadwalkan ulang…</translation>
    </message>
    <message>
        <source>Cancel post</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Minggu</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Sebelumnya</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Berikutnya</translation>
    </message>
    <message>
        <source>Scheduled posts calendar</source>
        <translation>Kalender kiriman terjadwal</translation>
    </message>
    <message>
        <source>Change time…</source>
        <translation>Ubah waktu…</translation>
    </message>
    <message>
        <source>Edit text…</source>
        <translation>Ubah teks…</translation>
    </message>
    <message>
        <source>Week of %1 – %2</source>
        <translation>Minggu %1 – %2</translation>
    </message>
    <message>
        <source>No scheduled posts in this period. Use “Schedule…” in the composer.</source>
        <translation>Tidak ada kiriman terjadwal pada periode ini. Gunakan “Jadwalkan…” di kotak tulis.</translation>
    </message>
    <message>
        <source>Select a post to see it in full.</source>
        <translation>Pilih kiriman untuk melihatnya utuh.</translation>
    </message>
    <message>
        <source>On X: %1</source>
        <translation>Di X: %1</translation>
    </message>
    <message>
        <source>X said: %1</source>
        <translation>Kata X: %1</translation>
    </message>
    <message>
        <source>Selected post</source>
        <translation>Kiriman terpilih</translation>
    </message>
    <message>
        <source>Sent only while the desk is open: install the timer in Settings → Schedule.</source>
        <translation>Hanya terkirim selama desk terbuka: pasang pengatur waktu di Pengaturan → Jadwal.</translation>
    </message>
    <message>
        <source>%1 scheduled post(s) missed their time and were not sent:</source>
        <translation>%1 kiriman terjadwal terlewat waktunya dan tidak dikirim:</translation>
    </message>
    <message>
        <source>The laptop was off or asleep at their time. Send now, reschedule or cancel.</source>
        <translation>Laptop mati atau tidur pada waktunya. Kirim sekarang, jadwalkan ulang, atau batalkan.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The undo window is 0 to 60 seconds.</source>
        <translation>Jendela pembatalan 0 sampai 60 detik.</translation>
    </message>
    <message>
        <source>Enter a price in US dollars, e.g. 0.015.</source>
        <translation>Masukkan harga dalam dolar AS, misalnya 0.015.</translation>
    </message>
    <message>
        <source>A period of at least one day is needed.</source>
        <translation>Diperlukan masa minimal satu hari.</translation>
    </message>
    <message>
        <source>The port must be between 1024 and 65535.</source>
        <translation>Port harus antara 1024 dan 65535.</translation>
    </message>
    <message>
        <source>An X handle has 1 to 15 letters, digits or underscores.</source>
        <translation>Nama pengguna X terdiri atas 1 sampai 15 huruf, angka, atau garis bawah.</translation>
    </message>
    <message>
        <source>The client id has letters, digits and - _ . : only, without spaces.</source>
        <translation>ID klien hanya berisi huruf, angka, dan - _ . : tanpa spasi.</translation>
    </message>
    <message>
        <source>The grace period is at least one minute.</source>
        <translation>Masa tenggang paling sedikit satu menit.</translation>
    </message>
    <message>
        <source>Write the quiet period as from–to, e.g. 22.00-05.00, or leave it empty.</source>
        <translation>Tulis masa tenang sebagai dari–sampai, mis. 22.00-05.00, atau kosongkan.</translation>
    </message>
    <message>
        <source>X app client id</source>
        <translation>ID klien aplikasi X</translation>
    </message>
    <message>
        <source>From the agency&apos;s X developer app (Native App, OAuth 2.0). Empty: practice mode.</source>
        <translation>Dari aplikasi pengembang X milik instansi (Native App, OAuth 2.0). Kosong: Mode Latihan.</translation>
    </message>
    <message>
        <source>Callback port</source>
        <translation>Port panggilan balik</translation>
    </message>
    <message>
        <source>Register http://127.0.0.1:&lt;port&gt;/callback in the agency&apos;s X app.</source>
        <translation>Daftarkan http://127.0.0.1:&lt;port&gt;/callback di aplikasi X instansi.</translation>
    </message>
    <message>
        <source>Office account handle</source>
        <translation>Nama pengguna akun kantor</translation>
    </message>
    <message>
        <source>If set, only this X account can be signed in to the office pane.</source>
        <translation>Jika diisi, hanya akun X ini yang dapat masuk di panel kantor.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Bahasa Indonesia</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Confirm every post from the office account</source>
        <translation>Konfirmasi setiap kiriman dari akun kantor</translation>
    </message>
    <message>
        <source>Shows the account, its colour and the text before it is queued.</source>
        <translation>Menampilkan akun, warnanya, dan teksnya sebelum masuk antrean.</translation>
    </message>
    <message>
        <source>Undo window (seconds)</source>
        <translation>Jendela pembatalan (detik)</translation>
    </message>
    <message>
        <source>Each post waits this long in the outbox, with a Cancel button.</source>
        <translation>Setiap kiriman menunggu selama ini di kotak keluar, dengan tombol Batalkan.</translation>
    </message>
    <message>
        <source>X price per post (USD)</source>
        <translation>Harga X per kiriman (USD)</translation>
    </message>
    <message>
        <source>X price per post with a link (USD)</source>
        <translation>Harga X per kiriman bertautan (USD)</translation>
    </message>
    <message>
        <source>X price per post read (USD)</source>
        <translation>Harga X per kiriman yang dibaca (USD)</translation>
    </message>
    <message>
        <source>Agency (data controller)</source>
        <translation>Instansi (pengendali data)</translation>
    </message>
    <message>
        <source>Printed on exports and in the privacy notice.</source>
        <translation>Dicetak pada ekspor dan pemberitahuan privasi.</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit kerja</translation>
    </message>
    <message>
        <source>Data protection officer (contact)</source>
        <translation>Petugas pelindungan data pribadi (kontak)</translation>
    </message>
    <message>
        <source>Erase unanswered mentions&apos; handle and words after (days)</source>
        <translation>Hapus nama pengguna dan isi mention yang tidak dijawab setelah (hari)</translation>
    </message>
    <message>
        <source>Only mentions never answered, never tagged as a complaint and never marked handled. Complaints, answered mentions and office posts are records: they are never erased automatically (see the next setting). Counts are always kept.</source>
        <translation>Hanya mention yang tidak pernah dijawab, tidak ditandai sebagai aduan, dan tidak ditandai ditangani. Aduan, mention yang dijawab, dan kiriman akun kantor adalah arsip: tidak pernah dihapus otomatis (lihat pengaturan berikutnya). Jumlahnya selalu tetap dicatat.</translation>
    </message>
    <message>
        <source>Offer records for disposal review after (days)</source>
        <translation>Ajukan arsip untuk penilaian pemusnahan setelah (hari)</translation>
    </message>
    <message>
        <source>Set from the agency&apos;s records retention schedule (JRA).</source>
        <translation>Diisi sesuai Jadwal Retensi Arsip (JRA) instansi.</translation>
    </message>
    <message>
        <source>Missed when later than (minutes)</source>
        <translation>Dianggap terlewat bila terlambat lebih dari (menit)</translation>
    </message>
    <message>
        <source>If the laptop was off or asleep at a post&apos;s time for longer than this, the post is not sent late by itself: the desk lists it for you to send, reschedule or cancel.</source>
        <translation>Bila laptop mati atau tidur pada waktu kiriman lebih lama dari ini, kiriman tidak dikirim terlambat dengan sendirinya: desk mendaftarnya agar Anda kirim, jadwalkan ulang, atau batalkan.</translation>
    </message>
    <message>
        <source>Quiet period of the office account</source>
        <translation>Masa tenang akun kantor</translation>
    </message>
    <message>
        <source>E.g. 22.00-05.00: scheduling an office post into it asks once more. Empty: none.</source>
        <translation>Mis. 22.00-05.00: menjadwalkan kiriman akun kantor di dalamnya ditanyakan sekali lagi. Kosong: tidak ada.</translation>
    </message>
    <message>
        <source>Quiet period of the personal account</source>
        <translation>Masa tenang akun pribadi</translation>
    </message>
    <message>
        <source>Scheduling a personal post into it asks once more. Empty: none.</source>
        <translation>Menjadwalkan kiriman akun pribadi di dalamnya ditanyakan sekali lagi. Kosong: tidak ada.</translation>
    </message>
    <message>
        <source>Monthly budget for reading reach, per account (USD)</source>
        <translation>Anggaran bulanan untuk membaca jangkauan, per akun (USD)</translation>
    </message>
    <message>
        <source>Reading a post&apos;s numbers costs US$0.005 (again on the same day: free). When the budget would be exceeded, the least useful readings (+1 hour) are skipped first; it is never exceeded.</source>
        <translation>Membaca angka satu kiriman berbiaya US$0,005 (dibaca lagi pada hari yang sama: gratis). Bila anggaran akan terlampaui, pembacaan yang paling kurang berguna (+1 jam) dilewati lebih dulu; anggaran tidak pernah terlampaui.</translation>
    </message>
    <message>
        <source>This value has the wrong type.</source>
        <translation>Jenis nilai ini salah.</translation>
    </message>
    <message>
        <source>Choose one of the listed values.</source>
        <translation>Pilih salah satu nilai yang tersedia.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Bagian pengaturan</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Umum</translation>
    </message>
    <message>
        <source>X app</source>
        <translation>Aplikasi X</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privasi</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Jadwal</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Biaya</translation>
    </message>
    <message>
        <source>Export signing key fingerprint</source>
        <translation>Sidik jari kunci tanda tangan ekspor</translation>
    </message>
    <message>
        <source>Where sign-in tokens are kept: checking…</source>
        <translation>Tempat token masuk disimpan: sedang diperiksa…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation>Pemberitahuan privasi</translation>
    </message>
    <message>
        <source>(not set yet)</source>
        <translation>(belum diisi)</translation>
    </message>
    <message>
        <source>Controller of citizens&apos; data held for the office account: %1 (%2).
Data protection officer: %3.

What is kept: the handles and words of citizens who mention the two accounts, the replies, and when they were sent, to answer citizens and to report on public communication.
Legal basis: the agency&apos;s public duties and authority (UU 27/2022, Pasal 20 ayat 2) and its records obligations (UU 43/2009).

Retention: only for mentions never answered, never tagged as a complaint and never marked handled, the handle and words are erased after %4 days (counts are kept). Complaints, answered mentions and office posts are records: they are never erased automatically; after %5 days they are offered for disposal review.

A citizen may ask what is held about them, and for correction, restriction or erasure: record the request (humasdesk privacy requests) within 3×24 hours.</source>
        <translation>Pengendali data warga untuk akun kantor: %1 (%2).
Petugas pelindungan data pribadi: %3.

Yang disimpan: nama pengguna dan kata-kata warga yang menyebut kedua akun, balasannya, serta waktunya, untuk menjawab warga dan melaporkan komunikasi publik.
Dasar hukum: pelaksanaan tugas dan kewenangan instansi (UU 27/2022, Pasal 20 ayat 2) serta kewajiban kearsipan (UU 43/2009).

Masa retensi: hanya untuk mention yang tidak pernah dijawab, tidak ditandai sebagai aduan, dan tidak ditandai ditangani, nama pengguna dan isinya dihapus setelah %4 hari (jumlahnya tetap dicatat). Aduan, mention yang dijawab, dan kiriman akun kantor adalah arsip: tidak pernah dihapus otomatis; setelah %5 hari diajukan untuk penilaian pemusnahan.

Warga dapat meminta data yang disimpan tentang dirinya, serta perbaikan, pembatasan, atau penghapusan: catat permintaannya (humasdesk privacy requests) dalam 3×24 jam.</translation>
    </message>
    <message>
        <source>Where sign-in tokens are kept: %1</source>
        <translation>Tempat token masuk disimpan: %1</translation>
    </message>
    <message>
        <source>Export signing key fingerprint: %1</source>
        <translation>Sidik jari kunci tanda tangan ekspor: %1</translation>
    </message>
</context>
<context>
    <name>SlotDesk</name>
    <message>
        <source>This text was already sent or queued from @%1 in the last 24 hours. X does not allow the same content from several accounts.</source>
        <translation>Teks ini sudah dikirim atau diantrekan dari @%1 dalam 24 jam terakhir. X tidak mengizinkan konten yang sama dari beberapa akun.</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Tidak dikirim</translation>
    </message>
    <message>
        <source>Repost it from @%1 instead?</source>
        <translation>Bagikan ulang kiriman itu dari @%1 saja?</translation>
    </message>
    <message>
        <source>Yes</source>
        <extracomment>Even with nothing due, look at the outbox this often (a retry time may have come).</extracomment>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>Session ended — sign in again. Queued posts wait and are not lost.</source>
        <translation>Sesi berakhir — masuk lagi. Kiriman dalam antrean menunggu dan tidak hilang.</translation>
    </message>
    <message>
        <source>The X app&apos;s usage cap is reached: this account sends nothing until %1. Posts wait in the outbox.</source>
        <translation>Batas pemakaian aplikasi X tercapai: akun ini tidak mengirim apa pun sampai pukul %1. Kiriman menunggu di kotak keluar.</translation>
    </message>
    <message>
        <source>X&apos;s request limit was reached: posting resumes at %1. Posts wait in the outbox.</source>
        <translation>Batas permintaan X tercapai: pengiriman dilanjutkan pukul %1. Kiriman menunggu di kotak keluar.</translation>
    </message>
    <message>
        <source>Too late to cancel: the post is already being sent.</source>
        <translation>Terlambat untuk membatalkan: kiriman sedang dikirim.</translation>
    </message>
    <message>
        <source>Could not sync mentions: %1 Trying again later.</source>
        <translation>Mention tidak dapat disinkronkan: %1 Akan dicoba lagi nanti.</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Reply templates</source>
        <translation>Templat balasan</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Templat</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Nama templat</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>Isi templat</translation>
    </message>
    <message>
        <source>Placeholders: %1. They are filled from the complaint; edit the reply in the composer before sending.</source>
        <translation>Isian: %1. Isian diisi dari aduan; sunting balasan di composer sebelum mengirim.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Insert into the composer</source>
        <translation>Sisipkan ke composer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Isi</translation>
    </message>
    <message>
        <source>The reply as it will be inserted:</source>
        <translation>Balasan yang akan disisipkan:</translation>
    </message>
    <message>
        <source>%1: too long for X; shorten it after inserting.</source>
        <translation>%1: terlalu panjang untuk X; persingkat setelah disisipkan.</translation>
    </message>
</context>
<context>
    <name>TimerSection</name>
    <message>
        <source>Install timer</source>
        <translation>Pasang pengatur waktu</translation>
    </message>
    <message>
        <source>Remove timer</source>
        <translation>Hapus pengatur waktu</translation>
    </message>
    <message>
        <source>On Windows: a Task Scheduler task “HumasDesk sync” that runs every 5 minutes while you are logged on (Windows Credential Manager needs your session).</source>
        <translation>Di Windows: tugas Task Scheduler “HumasDesk sync” yang berjalan tiap 5 menit selama Anda masuk ke Windows (Credential Manager memerlukan sesi Anda).</translation>
    </message>
    <message>
        <source>On macOS: a launchd agent (~/Library/LaunchAgents/id.humasdesk.sync.plist) that runs every 5 minutes while you are logged in (the login Keychain is unlocked then).</source>
        <translation>Di macOS: agen launchd (~/Library/LaunchAgents/id.humasdesk.sync.plist) yang berjalan tiap 5 menit selama Anda masuk (Keychain login terbuka saat itu).</translation>
    </message>
    <message>
        <source>On Linux: a systemd user timer (~/.config/systemd/user/humasdesk-sync.timer) that runs every 5 minutes in your session; the keyring must be unlocked, i.e. you are logged in to the desktop.</source>
        <translation>Di Linux: timer pengguna systemd (~/.config/systemd/user/humasdesk-sync.timer) yang berjalan tiap 5 menit dalam sesi Anda; keyring harus terbuka, artinya Anda sudah masuk ke desktop.</translation>
    </message>
    <message>
        <source>It runs: %1</source>
        <translation>Yang dijalankan: %1</translation>
    </message>
    <message>
        <source>The timer is installed: scheduled posts go out with the desk closed.</source>
        <translation>Pengatur waktu terpasang: kiriman terjadwal tetap dikirim saat desk tertutup.</translation>
    </message>
    <message>
        <source>No timer: scheduled posts go out only while the desk is open (or when humasdesk sync is run).</source>
        <translation>Belum ada pengatur waktu: kiriman terjadwal hanya dikirim selama desk terbuka (atau saat humasdesk sync dijalankan).</translation>
    </message>
    <message>
        <source>The files are written; run these commands to finish:
%1</source>
        <translation>Berkas sudah ditulis; jalankan perintah ini untuk menyelesaikan:
%1</translation>
    </message>
    <message>
        <source>The system refused: %1</source>
        <translation>Sistem menolak: %1</translation>
    </message>
    <message>
        <source>Timer installed.</source>
        <translation>Pengatur waktu terpasang.</translation>
    </message>
    <message>
        <source>Timer removed.</source>
        <translation>Pengatur waktu dihapus.</translation>
    </message>
    <message>
        <source>OS timer</source>
        <translation>Pengatur waktu sistem</translation>
    </message>
</context>
<context>
    <name>TrustedKeysDialog</name>
    <message>
        <source>Trusted keys of the officials</source>
        <translation>Kunci tepercaya para pejabat</translation>
    </message>
    <message>
        <source>Trusted keys</source>
        <translation>Kunci tepercaya</translation>
    </message>
    <message>
        <source>Official&apos;s name</source>
        <translation>Nama pejabat</translation>
    </message>
    <message>
        <source>Official&apos;s unit</source>
        <translation>Unit pejabat</translation>
    </message>
    <message>
        <source>Office account (optional)</source>
        <translation>Akun kantor (opsional)</translation>
    </message>
    <message>
        <source>Key fingerprint or key file</source>
        <translation>Sidik jari kunci atau berkas kunci</translation>
    </message>
    <message>
        <source>the 64-digit fingerprint from their report, or choose signing-key.pub</source>
        <translation>sidik jari 64 digit dari laporannya, atau pilih signing-key.pub</translation>
    </message>
    <message>
        <source>&amp;Choose key file…</source>
        <translation>&amp;Pilih berkas kunci…</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Berlaku sejak</translation>
    </message>
    <message>
        <source>&amp;Add the key</source>
        <translation>&amp;Tambahkan kunci</translation>
    </message>
    <message>
        <source>Retired from</source>
        <translation>Tidak berlaku sejak</translation>
    </message>
    <message>
        <source>&amp;Retire the selected key from</source>
        <translation>&amp;Pensiunkan kunci terpilih sejak</translation>
    </message>
    <message>
        <source>Keys message</source>
        <translation>Pesan kunci</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Kunci</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Office account</source>
        <translation>Akun kantor</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>A key is trusted only when it is in this register: add each official&apos;s key from the signing-key.pub they hand over, or the fingerprint printed in their report. After a handover (serah terima jabatan), retire the predecessor&apos;s key from the handover day and add the successor&apos;s: both stay valid for their own days.</source>
        <translation>Kunci hanya dipercaya bila ada di daftar ini: tambahkan kunci setiap pejabat dari signing-key.pub yang diserahkannya, atau sidik jari yang tercetak di laporannya. Setelah serah terima jabatan, pensiunkan kunci pejabat lama sejak hari serah terima dan tambahkan kunci penggantinya: keduanya tetap berlaku untuk harinya masing-masing.</translation>
    </message>
    <message>
        <source>A .sig file is not a key: trust comes from the key the official hands over, never from a file they bring.</source>
        <translation>Berkas .sig bukan kunci: kepercayaan berasal dari kunci yang diserahkan pejabat, tidak pernah dari berkas yang dibawanya.</translation>
    </message>
    <message>
        <source>%1 is not a readable HumasDesk public key file.</source>
        <translation>%1 bukan berkas kunci publik HumasDesk yang terbaca.</translation>
    </message>
    <message>
        <source>Added: %1 (%2), key %3.</source>
        <translation>Ditambahkan: %1 (%2), kunci %3.</translation>
    </message>
    <message>
        <source>Select the key to retire.</source>
        <translation>Pilih kunci yang akan dipensiunkan.</translation>
    </message>
    <message>
        <source>%1&apos;s key no longer vouches for activity from %2 on.</source>
        <translation>Kunci %1 tidak lagi menjamin aktivitas sejak %2.</translation>
    </message>
    <message>
        <source>The official&apos;s public key</source>
        <translation>Kunci publik pejabat</translation>
    </message>
    <message>
        <source>Public keys (*.pub);;All files (*)</source>
        <translation>Kunci publik (*.pub);;Semua berkas (*)</translation>
    </message>
</context>
<context>
    <name>TrustedKeysModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Sidik jari</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Berlaku</translation>
    </message>
    <message>
        <source>%1 – now</source>
        <translation>%1 – sekarang</translation>
    </message>
    <message>
        <source>%1 – until %2 (retired)</source>
        <translation>%1 – sampai %2 (dipensiunkan)</translation>
    </message>
</context>
<context>
    <name>WordingLine</name>
    <message>
        <source>First person singular (%1): the office account speaks for the agency (“kami”), not for one person.</source>
        <translation>Kata ganti orang pertama tunggal (%1): akun kantor berbicara atas nama instansi (pakai “kami”), bukan pribadi.</translation>
    </message>
    <message>
        <source>Informal words (%1): the office account uses formal language; slang reads as a personal account.</source>
        <translation>Kata tidak baku (%1): akun kantor memakai bahasa resmi; kata gaul terbaca sebagai akun pribadi.</translation>
    </message>
    <message>
        <source>A run of emoji (%1): reads as a personal feeling, not agency news.</source>
        <translation>Deretan emoji (%1): terbaca sebagai ungkapan perasaan pribadi, bukan informasi instansi.</translation>
    </message>
    <message>
        <source>Political or campaign terms (%1): an agency account must stay neutral.</source>
        <translation>Istilah politik atau kampanye (%1): akun instansi wajib netral.</translation>
    </message>
    <message>
        <source>Names the personal account (%1) from the office account: make sure this post is meant for the office account.</source>
        <translation>Menyebut akun pribadi (%1) dari akun kantor: pastikan kiriman ini memang untuk akun kantor.</translation>
    </message>
    <message>
        <source>The office&apos;s own hashtag (%1) on the personal account: official announcements come from the office account.</source>
        <translation>Tagar resmi kantor (%1) di akun pribadi: pengumuman resmi disampaikan dari akun kantor.</translation>
    </message>
    <message>
        <source>An office programme (%1) on the personal account: programmes are announced from the office account.</source>
        <translation>Nama program kantor (%1) di akun pribadi: program resmi diumumkan dari akun kantor.</translation>
    </message>
    <message>
        <source>Wording that announces an official decision (%1) on the personal account: the agency&apos;s decisions are announced from the office account.</source>
        <translation>Kalimat pengumuman keputusan resmi (%1) di akun pribadi: keputusan instansi diumumkan dari akun kantor.</translation>
    </message>
    <message>
        <source>Press Send (or Schedule) again to go ahead as it is.</source>
        <translation>Tekan Kirim (atau Jadwalkan) sekali lagi untuk tetap melanjutkan.</translation>
    </message>
</context>
</TS>
