package questions

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/apperr"
	"github.com/crocevia/crocevia/internal/platform/search"
	"github.com/crocevia/crocevia/internal/platform/web"
)

// apiResults is the answer of GET /api/v1/faq.
type apiResults struct {
	Results []apiHit `json:"results"`
	Total   int      `json:"total"`
	// More says the matches are more than Total, where the count stops.
	More bool `json:"more,omitempty"`
	Page int  `json:"page"`
	// Corrected is the query run instead of one that found nothing.
	Corrected string `json:"corrected,omitempty"`
}

// apiHit is one question found. Snippet and title are HTML: escaped text
// with the matched words in <mark>.
type apiHit struct {
	ID        int64   `json:"id"`
	Title     string  `json:"title"`
	Snippet   string  `json:"snippet"`
	Topic     string  `json:"topic"`
	TopicName string  `json:"topic_name"`
	Score     float64 `json:"score"`
	URL       string  `json:"url"`
}

type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// api is GET /api/v1/faq?q=&argomento=&pagina=: the FAQ's search for other
// sites and apps. It is anonymous, like the FAQ: no token, no session.
func (f *FAQ) api(w http.ResponseWriter, r *http.Request) {
	q := readFAQQuery(r)
	f.serve(w, r, "api "+q.url("/api/v1/faq", q.Page), func(r *http.Request) (*cached, error) {
		res := apiResults{Results: []apiHit{}, Page: q.Page}
		var topic *faqTopic
		if q.Topic != "" {
			t, err := f.store.topic(r.Context(), q.Topic)
			if apperr.KindOf(err) == apperr.NotFound {
				return f.apiFail(http.StatusNotFound, "not_found", "Argomento sconosciuto.")
			}
			if err != nil {
				return nil, err
			}
			topic = t
		}
		if q.Text != "" {
			found, err := f.store.search(r.Context(), q.Text, topic, q.Page)
			if err != nil {
				return nil, err
			}
			res.Total, res.More, res.Corrected = found.Total, found.More(), found.Corrected
			if res.More {
				res.Total = search.MaxCount
			}
			for _, h := range found.Hits {
				res.Results = append(res.Results, apiHit{ID: h.ID, Title: string(h.Title), Snippet: string(h.Snippet),
					Topic: h.TopicSlug, TopicName: h.TopicName, Score: h.Score,
					URL: f.baseURL + "/faq/" + strconv.FormatInt(h.ID, 10)})
			}
		}
		body, err := json.Marshal(res)
		return &cached{Body: body, ContentType: "application/json; charset=utf-8"}, err
	})
}

// apiFail answers an error in the API's envelope. It is written at once,
// never cached: serve caches only what the render returns.
func (f *FAQ) apiFail(status int, code, msg string) (*cached, error) {
	return nil, &apiStatus{status: status, code: code, msg: msg}
}

// apiStatus is an API error the handler writes as JSON.
type apiStatus struct {
	status    int
	code, msg string
}

func (e *apiStatus) Error() string { return e.msg }

func (e *apiStatus) write(w http.ResponseWriter) {
	var body apiError
	body.Error.Code, body.Error.Message = e.code, e.msg
	web.JSON(w, e.status, body)
}
