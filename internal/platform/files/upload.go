package files

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"

	"github.com/crocevia/crocevia/internal/platform/apperr"
)

// multipartMemory is how much of a multipart body is kept in memory; the
// rest goes to temporary files, removed when the request ends.
const multipartMemory = 1 << 20

// MsgBadForm is the error of a form that carried no readable files.
const MsgBadForm = "Il modulo non è stato inviato correttamente: riprova."

// FromRequest returns the files sent in the multipart field of r, ready for
// Put once the caller sets Entity, EntityID and UploadedBy. A file input
// left empty yields no upload. A file over the size limit, or a body cut at
// the server's limit, is a TooLarge error (413).
func (s *Store) FromRequest(r *http.Request, field string) ([]Upload, error) {
	if r.MultipartForm == nil {
		if err := r.ParseMultipartForm(multipartMemory); err != nil {
			return nil, formErr(field, err)
		}
	}
	var out []Upload
	for _, fh := range r.MultipartForm.File[field] {
		if fh.Filename == "" && fh.Size == 0 {
			continue
		}
		if fh.Size > s.max {
			return nil, apperr.Errorf(apperr.TooLarge, MsgTooLarge)
		}
		out = append(out, Upload{Name: fh.Filename, Reader: &partReader{fh: fh}, Field: field})
	}
	return out, nil
}

func formErr(field string, err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return apperr.Wrap(apperr.TooLarge, MsgTooLarge, err)
	}
	e := invalid(field, MsgBadForm).(*apperr.Error)
	e.Err = err
	return e
}

// partReader opens an uploaded part on first read and closes it at the end,
// so that callers never hold open files they did not ask for.
type partReader struct {
	fh   *multipart.FileHeader
	f    multipart.File
	done bool
}

func (p *partReader) Read(b []byte) (int, error) {
	if p.done {
		return 0, io.EOF
	}
	if p.f == nil {
		f, err := p.fh.Open()
		if err != nil {
			return 0, err
		}
		p.f = f
	}
	n, err := p.f.Read(b)
	if err != nil {
		p.done = true
		_ = p.f.Close()
	}
	return n, err
}

// ReadUpload reads whole the one file sent in field, for an import that is
// checked row by row before anything is stored: no file is a field error,
// one over max bytes (or a body cut at the server's limit) is TooLarge.
func ReadUpload(r *http.Request, field string, max int) ([]byte, error) {
	if err := r.ParseMultipartForm(multipartMemory); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, apperr.Wrap(apperr.TooLarge, "Il file supera la dimensione massima consentita.", err)
		}
		return nil, apperr.Fields{field: "Scegli il file da importare."}.Err()
	}
	f, _, err := r.FormFile(field)
	if err != nil {
		return nil, apperr.Fields{field: "Scegli il file da importare."}.Err()
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(max)+1))
	if err == nil && len(data) > max {
		err = apperr.Errorf(apperr.TooLarge, "Il file supera la dimensione massima consentita.")
	}
	return data, err
}
